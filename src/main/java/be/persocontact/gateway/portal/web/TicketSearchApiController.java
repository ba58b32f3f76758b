package be.persocontact.gateway.portal.web;

import java.util.List;

import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/portal/tickets?employee=…&q=…}: one employee's own tickets, by number or keyword. The
 * portal vouches for the employee; the ticket module filters by requester in the query itself.
 */
@RestController
class TicketSearchApiController {

	static final int LIMIT = 50;

	private final TicketManagement tickets;

	private final SignedLinks links;

	private final MessageSource messages;

	TicketSearchApiController(TicketManagement tickets, SignedLinks links, MessageSource messages) {
		this.tickets = tickets;
		this.links = links;
		this.messages = messages;
	}

	record TicketSummary(String number, String subject, String status, String statusLabel, String createdAt,
			String viewLink) {
	}

	@GetMapping("/api/portal/tickets")
	List<TicketSummary> search(@RequestParam String employee, @RequestParam(defaultValue = "") String q) {
		return this.tickets.findOfRequester(employee, q, LIMIT).stream().map(this::summary).toList();
	}

	private TicketSummary summary(Ticket ticket) {
		return new TicketSummary(ticket.number().value(), ticket.subject(), ticket.status().name(),
				this.messages.getMessage("status." + ticket.status().name(), null, LocaleContextHolder.getLocale()),
				ticket.createdAt().toString(), this.links.ticketViewUrl(ticket.id(), ticket.requester().address()));
	}

}
