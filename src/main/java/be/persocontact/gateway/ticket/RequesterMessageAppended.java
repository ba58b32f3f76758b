package be.persocontact.gateway.ticket;

/** The requester added a message to an existing ticket. */
public record RequesterMessageAppended(TicketNumber number, Long inboundMessageId) {
}
