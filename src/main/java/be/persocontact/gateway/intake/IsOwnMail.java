package be.persocontact.gateway.intake;

import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Is this our own mail coming back (a notification delivered to our own mailbox, or a forward loop)?
 * Recognised by our From address or a Message-ID we minted. Recorded, never answered.
 */
@Component
class IsOwnMail implements IntakeCheck {

	private final String ownAddress;

	private final String ownMessageIdSuffix;

	IsOwnMail(IntakeSettings settings) {
		this.ownAddress = settings.helpdeskAddress().toLowerCase(Locale.ROOT);
		this.ownMessageIdSuffix = "@" + this.ownAddress.substring(this.ownAddress.indexOf('@') + 1) + ">";
	}

	@Override
	public Decision check(ParsedMail mail) {
		String from = mail.fromAddress();
		if (from != null && from.toLowerCase(Locale.ROOT).equals(this.ownAddress)) {
			return Decision.stop(Outcome.IGNORED_OWN_MAIL, "sent from our own address");
		}
		String messageId = mail.messageId();
		if (messageId != null && messageId.toLowerCase(Locale.ROOT).startsWith("<hrb")
				&& messageId.toLowerCase(Locale.ROOT).endsWith(this.ownMessageIdSuffix)) {
			return Decision.stop(Outcome.IGNORED_OWN_MAIL, "carries one of our Message-IDs");
		}
		return Decision.CONTINUE;
	}

}
