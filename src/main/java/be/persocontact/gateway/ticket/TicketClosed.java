package be.persocontact.gateway.ticket;

/** A closed ticket stays in the history and can no longer be used to communicate. */
public class TicketClosed extends RuntimeException {

	TicketClosed(TicketNumber number) {
		super("Ticket " + number + " is closed");
	}

}
