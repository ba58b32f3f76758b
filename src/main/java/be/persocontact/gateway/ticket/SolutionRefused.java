package be.persocontact.gateway.ticket;

/** The requester refused the proposed solution through the refusal page, with a reason. */
public record SolutionRefused(TicketNumber number, String reason) {
}
