package be.persocontact.gateway.notification;

/** Why a mail was refused, each with its own notice to the sender. */
public enum RejectionReason {

	TOO_LARGE("rejection-too-large"), REFUSED_FILES("rejection-refused-files"), RATE_LIMITED("rejection-rate-limited"),
	UNAUTHENTICATED("rejection-unauthenticated");

	private final String template;

	RejectionReason(String template) {
		this.template = template;
	}

	String template() {
		return this.template;
	}

}
