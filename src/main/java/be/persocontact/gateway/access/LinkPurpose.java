package be.persocontact.gateway.access;

/**
 * What a link may be used for; a token for one purpose never opens another. The code is signed into
 * the token, so codes are never reused for another meaning (code 2, the download link that named the
 * attachment instead of its ticket, is retired).
 */
public enum LinkPurpose {

	/** The read-only view of one ticket ({@code /t/}). */
	VIEW_TICKET(1, "/t/", true),
	/**
	 * All tickets of the requester ({@code /me/}). The token names one of their tickets, whose requester
	 * address is the one listed: no address ever appears in a URL.
	 */
	MY_CASES(3, "/me/", true),
	/** The page that confirms the acceptance of a proposed solution ({@code /a/}). */
	ACCEPT_SOLUTION(4, "/a/", true),
	/** The page that refuses a proposed solution with a reason ({@code /r/}). */
	REFUSE_SOLUTION(5, "/r/", true),
	/**
	 * The officers' view of one ticket ({@code /o/}), issued to a queue ({@code queue:<code>}) rather
	 * than a person, so that any officer of the queue may open it while the ticket is in that queue.
	 */
	OFFICER_VIEW(6, "/o/", true),
	/** One stored attachment of a ticket ({@code /d/}): the token names the ticket, its item the attachment. */
	DOWNLOAD_ATTACHMENT(7, "/d/", true),

	/** The portal pages of one employee (the id is a portal visitor's, not a ticket's). */
	PORTAL_PAGES(20, null, false),

	/**
	 * A requester's reply address ({@code helpdesk+<token>@…}, {@link ReplyAddresses}): its own short
	 * format, never a signed link, named here so that its uses are logged and counted like the others.
	 */
	REPLY_ADDRESS(30, null, true),
	/** An officers' reply address, bound to a ticket and a queue ({@link ReplyAddresses}). */
	QUEUE_REPLY_ADDRESS(31, null, true);

	private final int code;

	private final String path;

	private final boolean namesTicket;

	LinkPurpose(int code, String path, boolean namesTicket) {
		this.code = code;
		this.path = path;
		this.namesTicket = namesTicket;
	}

	int code() {
		return this.code;
	}

	/** The path the token is appended to; null when another module builds the URL, or for reply addresses. */
	public String path() {
		return this.path;
	}

	/**
	 * Does the token's id name a ticket, so that revoking the ticket's links must shut it? A purpose
	 * naming something else (a portal visitor) carries ticket epoch 0: only the recipient's epoch applies.
	 */
	public boolean namesTicket() {
		return this.namesTicket;
	}

	/** Is this a signed link ({@link SignedLinks}), rather than a reply address of its own format? */
	boolean isSignedLink() {
		return this != REPLY_ADDRESS && this != QUEUE_REPLY_ADDRESS;
	}

	static LinkPurpose ofCode(int code) {
		for (LinkPurpose purpose : values()) {
			if (purpose.code == code && purpose.isSignedLink()) {
				return purpose;
			}
		}
		return null;
	}

}
