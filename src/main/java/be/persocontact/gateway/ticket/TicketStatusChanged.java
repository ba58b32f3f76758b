package be.persocontact.gateway.ticket;

/**
 * A ticket's status changed through a legal transition. The note is what the officer wrote with it
 * (the question of a request for information, the proposed solution) or the requester's reason for
 * refusing; null when there is none. {@code inboundMessageId} names the mail that made the change (an
 * officer's reply, whose files go along with the mail to the requester); null otherwise.
 */
public record TicketStatusChanged(TicketNumber number, TicketStatus from, TicketStatus to, String note,
		Long inboundMessageId) {

	public TicketStatusChanged(TicketNumber number, TicketStatus from, TicketStatus to) {
		this(number, from, to, null, null);
	}

}
