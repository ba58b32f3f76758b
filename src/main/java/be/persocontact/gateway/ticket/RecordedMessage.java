package be.persocontact.gateway.ticket;

/**
 * What recording a requester message did to the tickets. {@code statusKept}: the message would have
 * moved the ticket (an answer to a question, a yes or no to a solution) but lacked the sender proof.
 */
public record RecordedMessage(Action action, TicketNumber ticket, TicketNumber followsUp, boolean statusKept) {

	public RecordedMessage(Action action, TicketNumber ticket, TicketNumber followsUp) {
		this(action, ticket, followsUp, false);
	}

	public enum Action {

		/** A new ticket was opened. */
		OPENED,
		/** The message was appended to an existing ticket. */
		APPENDED,
		/** The referenced ticket was closed, so a new ticket referencing it was opened. */
		OPENED_FOLLOW_UP

	}

}
