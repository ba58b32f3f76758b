package be.persocontact.gateway.intake;

/**
 * A mail exactly as the server delivered it, with where it was found: the configured mailbox's id and
 * the folder's coordinates. UID and UIDVALIDITY are null for sources without them.
 */
public record RawMail(String mailbox, Long uidValidity, Long uid, byte[] bytes, String mailboxId) {

	/** The id of the one mailbox configured today. */
	public static final String DEFAULT_MAILBOX = "default";

	public RawMail {
		if (bytes == null) {
			throw new IllegalArgumentException("A raw mail needs its bytes");
		}
		if (mailboxId == null || mailboxId.isBlank()) {
			mailboxId = DEFAULT_MAILBOX;
		}
	}

	/** A mail of the default mailbox. */
	public RawMail(String mailbox, Long uidValidity, Long uid, byte[] bytes) {
		this(mailbox, uidValidity, uid, bytes, DEFAULT_MAILBOX);
	}

}
