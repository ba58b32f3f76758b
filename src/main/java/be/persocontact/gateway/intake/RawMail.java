package be.persocontact.gateway.intake;

/**
 * A mail exactly as the server delivered it, with where it was found. UID and UIDVALIDITY are null
 * for sources without them.
 */
public record RawMail(String mailbox, Long uidValidity, Long uid, byte[] bytes) {

	public RawMail {
		if (bytes == null) {
			throw new IllegalArgumentException("A raw mail needs its bytes");
		}
	}

}
