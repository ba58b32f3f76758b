package be.persocontact.gateway.access;

/** What a link may be used for; a token for one purpose never opens another. */
public enum LinkPurpose {

	VIEW_TICKET(1),

	/** Downloads one attachment; the token's id is the attachment's, not the ticket's. */
	DOWNLOAD_ATTACHMENT(2);

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
