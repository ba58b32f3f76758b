package be.persocontact.gateway.ticket;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Requests for a "my cases" link, made from a ticket's page and answered by mail to its requester. */
@Service
public class MyCasesRequests {

	private final Tickets tickets;

	private final ApplicationEventPublisher events;

	MyCasesRequests(Tickets tickets, ApplicationEventPublisher events) {
		this.tickets = tickets;
		this.events = events;
	}

	/** Asks for a "my cases" link for the requester of that ticket, mailed to the requester's address. */
	@Transactional
	public void requestLink(long ticketId) {
		Ticket ticket = this.tickets.findById(ticketId)
			.orElseThrow(() -> new IllegalArgumentException("No ticket " + ticketId));
		this.events.publishEvent(new MyCasesLinkRequested(ticket.number(), ticket.requester().address(),
				ticket.requester().language()));
	}

}
