package be.persocontact.gateway.ticket;

/** An illegal status change was asked for; the ticket is left exactly as it was. */
public class TicketStatusChangeRefused extends RuntimeException {

	private final TicketNumber ticket;

	private final TicketStatus from;

	private final TicketStatus to;

	TicketStatusChangeRefused(TicketNumber ticket, TicketStatus from, TicketStatus to) {
		super("Ticket %s cannot go from %s to %s; allowed from %s: %s".formatted(ticket, from, to, from,
				from.successors()));
		this.ticket = ticket;
		this.from = from;
		this.to = to;
	}

	public TicketNumber ticket() {
		return this.ticket;
	}

	public TicketStatus from() {
		return this.from;
	}

	public TicketStatus to() {
		return this.to;
	}

}
