package be.persocontact.gateway.ticket;

/**
 * A ticket was opened. Published inside the transaction that opened it. {@code followsUp} names the
 * closed ticket the requester wrote about, when that is why this one exists.
 */
public record TicketOpened(TicketNumber number, String requesterAddress, TicketNumber followsUp) {
}
