package be.persocontact.gateway.intake;

/**
 * A mail that no retry can fix: the input itself is bad (no sender to answer, a structure that does
 * not parse). Intake quarantines it at once with its reason. Every other failure (database, IO, a
 * lost connection) is taken as passing and retried up to {@code gateway.intake.max-attempts}.
 */
public final class UnprocessableMail extends IllegalStateException {

	/** Why the mail cannot be processed; recorded as the message's reason. */
	public enum Reason {

		/** No From address a reply could go to: missing, a group syntax, or garbled beyond repair. */
		NO_SENDER,
		/** The MIME structure or the headers could not be parsed at all. */
		UNPARSEABLE

	}

	private final Reason reason;

	UnprocessableMail(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	static UnprocessableMail noSender(String fromHeader) {
		return new UnprocessableMail(Reason.NO_SENDER, fromHeader == null ? "No usable From address: no From header"
				: "No usable From address in From: " + fromHeader, null);
	}

	static UnprocessableMail unparseable(String what, Exception cause) {
		return new UnprocessableMail(Reason.UNPARSEABLE, "Unparseable " + what + ": " + cause.getMessage(), cause);
	}

	public Reason reason() {
		return this.reason;
	}

}
