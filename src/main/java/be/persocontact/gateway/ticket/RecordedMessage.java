package be.persocontact.gateway.ticket;

/** What recording a requester message did to the tickets. */
public record RecordedMessage(Action action, TicketNumber ticket, TicketNumber followsUp) {

	public enum Action {

		/** A new ticket was opened. */
		OPENED,
		/** The message was appended to an existing ticket. */
		APPENDED,
		/** The referenced ticket was closed, so a new ticket referencing it was opened. */
		OPENED_FOLLOW_UP

	}

}
