package be.persocontact.gateway.access;

/**
 * The current revocation epochs. A link is signed with the epochs of its ticket and its recipient as
 * they were when it was issued; bumping either epoch refuses every older link of that ticket or
 * recipient, without a list of revoked tokens.
 */
public interface LinkEpochs {

	int ofTicket(long ticketId);

	int ofRecipient(String address);

	/** The epochs of a ticket and of a recipient together, as a link naming both is signed with. */
	default Pair of(long ticketId, String recipient) {
		return new Pair(ofTicket(ticketId), ofRecipient(recipient));
	}

	record Pair(int ticket, int recipient) {
	}

}
