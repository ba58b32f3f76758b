package be.persocontact.gateway.access;

/** What came of using a link: the door opens for one ticket and recipient, or it stays shut and says why. */
public sealed interface LinkUse {

	/** The link is authentic, current, and was issued to the ticket's requester. */
	record Granted(LinkPurpose purpose, long ticketId, long itemId, String recipient) implements LinkUse {
	}

	/** The link does not open. Only {@code EXPIRED} and {@code REVOKED} are told apart for the reader. */
	record Refused(Reason reason) implements LinkUse {
	}

	enum Reason {

		/** Authentic but past its lifetime. */
		EXPIRED,
		/** Authentic but older than an operator's revocation of its ticket or recipient. */
		REVOKED,
		/** Malformed, tampered, unknown key, other purpose, or no such ticket for that recipient. */
		INVALID

	}

}
