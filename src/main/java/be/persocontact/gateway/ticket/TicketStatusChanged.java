package be.persocontact.gateway.ticket;

/**
 * A ticket's status changed through a legal transition. The note is what the officer wrote with it
 * (the question of a request for information, the proposed solution) or the requester's reason for
 * refusing; null when there is none.
 */
public record TicketStatusChanged(TicketNumber number, TicketStatus from, TicketStatus to, String note) {

	public TicketStatusChanged(TicketNumber number, TicketStatus from, TicketStatus to) {
		this(number, from, to, null);
	}

}
