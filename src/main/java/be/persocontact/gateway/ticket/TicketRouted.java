package be.persocontact.gateway.ticket;

/** A ticket was put in a queue (first routing, or moved by an officer); {@code previous} is null the first time. */
public record TicketRouted(TicketNumber number, String queue, String previous, String reason) {
}
