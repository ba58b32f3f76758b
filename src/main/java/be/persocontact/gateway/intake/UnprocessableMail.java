package be.persocontact.gateway.intake;

/**
 * A mail that no retry can fix: the input itself is bad (no sender to answer), or reading it failed,
 * which for the same bytes fails the same way again. Intake quarantines it at once with its reason. Every other failure (database, IO, a
 * lost connection) is taken as passing and retried up to {@code gateway.intake.max-attempts}.
 */
public final class UnprocessableMail extends IllegalStateException {

	/** Why the mail cannot be processed; recorded as the message's reason. */
	public enum Reason {

		/** No address a reply could go to in From, Sender or Return-Path: missing, a group syntax, garbled, or {@code <>}. */
		NO_SENDER,
		/** The mail could not be read at all (the readers fall back down to the raw body, so a fault of ours). */
		UNPARSEABLE

	}

	private final Reason reason;

	UnprocessableMail(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	static UnprocessableMail noSender(ParsedMail mail) {
		java.util.StringJoiner written = new java.util.StringJoiner(", ", " (", ")").setEmptyValue(": none is present");
		for (String header : java.util.List.of("From", "Sender", "Return-Path")) {
			if (mail.header(header) != null) {
				written.add(header + ": " + mail.header(header));
			}
		}
		return new UnprocessableMail(Reason.NO_SENDER, "No usable address in From, Sender or Return-Path" + written,
				null);
	}

	static UnprocessableMail unparseable(String what, Exception cause) {
		return new UnprocessableMail(Reason.UNPARSEABLE, "Unparseable " + what + ": " + cause.getMessage(), cause);
	}

	public Reason reason() {
		return this.reason;
	}

}
