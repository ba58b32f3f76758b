package be.persocontact.gateway.ticket;

/**
 * How sure the gateway is that a requester's message comes from the requester, and so what it may change.
 * A message is always kept; only a proven one moves the ticket.
 */
public enum SenderProof {

	/** Nothing proves the author (a forged From is easy): the text is added, no status changes. */
	NONE,
	/**
	 * Our receiving server vouched for the sender's domain (or the gateway trusts its mail server): an
	 * answer to a question puts the ticket back to work.
	 */
	AUTHENTICATED,
	/**
	 * Authenticated, and sent to the signed reply address that only the requester's mailbox received (or
	 * made on the signed confirmation pages): it may also accept or refuse a solution.
	 */
	REPLY_ADDRESS;

	boolean mayResume() {
		return this != NONE;
	}

	boolean mayDecide() {
		return this == REPLY_ADDRESS;
	}

}
