package be.persocontact.gateway.access;

/**
 * What a link may be used for; a token for one purpose never opens another. The code is signed into
 * the token, so codes are never reused for another meaning.
 */
public enum LinkPurpose {

	/** The read-only view of one ticket ({@code /t/}). */
	VIEW_TICKET(1, "/t/"),
	/**
	 * One stored attachment ({@code /d/}); the token's id is the attachment's, not a ticket's, so the
	 * attachment module builds the URL and only the recipient's revocation epoch applies.
	 */
	DOWNLOAD_ATTACHMENT(2),
	/**
	 * All tickets of the requester ({@code /me/}). The token names one of their tickets, whose requester
	 * address is the one listed: no address ever appears in a URL.
	 */
	MY_CASES(3, "/me/"),
	/** The page that confirms the acceptance of a proposed solution ({@code /a/}). */
	ACCEPT_SOLUTION(4, "/a/"),
	/** The page that refuses a proposed solution with a reason ({@code /r/}). */
	REFUSE_SOLUTION(5, "/r/"),
	/**
	 * The officers' view of one ticket ({@code /o/}), issued to a queue ({@code queue:<code>}) rather
	 * than a person, so that any officer of the queue may open it while the ticket is in that queue.
	 */
	OFFICER_VIEW(6, "/o/"),

	/** The portal pages of one employee (the id is a portal visitor's, not a ticket's). */
	PORTAL_PAGES(20);

	private final int code;

	private final String path;

	/** A purpose whose token names a ticket: the ticket's revocation epoch applies to it. */
	LinkPurpose(int code, String path) {
		this.code = code;
		this.path = path;
	}

	/**
	 * A purpose whose token names something else than a ticket (a page of another module, which builds
	 * its own URL and picks its own lifetime): only the recipient's revocation epoch applies.
	 */
	LinkPurpose(int code) {
		this(code, null);
	}

	int code() {
		return this.code;
	}

	/** The path the token is appended to; null when another module builds the URL. */
	public String path() {
		return this.path;
	}

	/** Does the token's id name a ticket, so that revoking the ticket's links must shut it? */
	public boolean namesTicket() {
		return this.path != null;
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
