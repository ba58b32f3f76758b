package be.persocontact.gateway.ticket;

/**
 * The requester added a message to an existing ticket; {@code before} and {@code after} are the
 * ticket's status around it (an answer to a question puts it back to work, a "yes" closes it).
 */
public record RequesterMessageAppended(TicketNumber number, Long inboundMessageId, TicketStatus before,
		TicketStatus after, String text) {
}
