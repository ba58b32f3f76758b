package be.persocontact.gateway.ticket;

/** A ticket's status changed through a legal transition. */
public record TicketStatusChanged(TicketNumber number, TicketStatus from, TicketStatus to) {
}
