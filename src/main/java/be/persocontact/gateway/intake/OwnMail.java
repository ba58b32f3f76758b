package be.persocontact.gateway.intake;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Is this our own mail coming back (a notification delivered to our own mailbox, or a forward loop)?
 * Our From address, or a Message-ID as {@code notification.Outbox} mints them:
 * {@code <HRB0000042.kind.uuid@domain>}, or {@code <kind.uuid@domain>} for a mail about no ticket. A
 * colleague's client in our domain writes {@code <uuid@domain>} or its own host: never our form.
 */
final class OwnMail {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private final String address;

	private final Pattern ourMessageId;

	OwnMail(String helpdeskAddress) {
		this.address = helpdeskAddress.strip().toLowerCase(Locale.ROOT);
		String domain = Pattern.quote(this.address.substring(this.address.indexOf('@') + 1));
		this.ourMessageId = Pattern.compile("^<(hrb[^@<>\\s]*|[a-z][a-z0-9_-]*\\." + UUID + ")@" + domain + ">$",
				Pattern.CASE_INSENSITIVE);
	}

	boolean isSentFromOurAddress(ParsedMail mail) {
		String from = mail.fromAddress();
		return from != null && from.toLowerCase(Locale.ROOT).equals(this.address);
	}

	boolean carriesOurMessageId(ParsedMail mail) {
		String messageId = mail.messageId();
		return messageId != null && this.ourMessageId.matcher(messageId.strip()).matches();
	}

}
