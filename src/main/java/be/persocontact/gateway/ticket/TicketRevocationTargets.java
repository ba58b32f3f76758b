package be.persocontact.gateway.ticket;

import java.util.Optional;

import be.persocontact.gateway.access.RevocationTargets;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Ticket numbers, for operators withdrawing the links of one ticket. */
@Component
class TicketRevocationTargets implements RevocationTargets {

	private final Tickets tickets;

	TicketRevocationTargets(Tickets tickets) {
		this.tickets = tickets;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Long> ticketIdOf(String number) {
		TicketNumber parsed;
		try {
			parsed = new TicketNumber(number);
		}
		catch (IllegalArgumentException notOurs) {
			return Optional.empty();
		}
		return this.tickets.findByNumber(parsed).map(Ticket::id);
	}

}
