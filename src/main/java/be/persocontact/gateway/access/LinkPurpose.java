package be.persocontact.gateway.access;

/** What a link may be used for; a token for one purpose never opens another. */
public enum LinkPurpose {

	VIEW_TICKET(1),

	/** The portal pages of one employee (the id is a portal visitor's, not a ticket's). */
	PORTAL_PAGES(20);

	private final int code;

	LinkPurpose(int code) {
		this.code = code;
	}

	int code() {
		return this.code;
	}

	static LinkPurpose ofCode(int code) {
		for (LinkPurpose purpose : values()) {
			if (purpose.code == code) {
				return purpose;
			}
		}
		return null;
	}

}
