package be.persocontact.gateway.intake;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Is this our own mail coming back (a notification delivered to our own mailbox, or a forward loop)?
 * One of our From addresses (every mailbox's), or a Message-ID as {@code notification.Outbox} mints them:
 * {@code <HRB0000042.kind.uuid@domain>}, or {@code <kind.uuid@domain>} for a mail about no ticket. A
 * colleague's client in our domain writes {@code <uuid@domain>} or its own host: never our form.
 */
final class OwnMail {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private final Set<String> addresses;

	private final Pattern ourMessageId;

	OwnMail(String helpdeskAddress) {
		this(helpdeskAddress, List.of());
	}

	/** Our Message-IDs are minted on the helpdesk address's domain; mail comes from any of the mailboxes. */
	OwnMail(String helpdeskAddress, Collection<String> mailboxAddresses) {
		String address = helpdeskAddress.strip().toLowerCase(Locale.ROOT);
		this.addresses = new java.util.HashSet<>(mailboxAddresses.stream()
			.map(mailbox -> mailbox.strip().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet()));
		this.addresses.add(address);
		String domain = Pattern.quote(address.substring(address.indexOf('@') + 1));
		this.ourMessageId = Pattern.compile("^<(hrb[^@<>\\s]*|[a-z][a-z0-9_-]*\\." + UUID + ")@" + domain + ">$",
				Pattern.CASE_INSENSITIVE);
	}

	boolean isSentFromOurAddress(ParsedMail mail) {
		String from = mail.fromAddress();
		return from != null && this.addresses.contains(from.toLowerCase(Locale.ROOT));
	}

	boolean carriesOurMessageId(ParsedMail mail) {
		String messageId = mail.messageId();
		return messageId != null && this.ourMessageId.matcher(messageId.strip()).matches();
	}

}
