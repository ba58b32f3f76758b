package be.persocontact.gateway.portal.web;

import java.util.List;
import java.util.Locale;

import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/portal/tickets?employee=…&q=…}: one employee's own tickets, by number or keyword. A
 * token that acts for one employee gets that employee's tickets only (403 for anyone else's); the
 * portal's back end, acting for any employee, vouches for the one it names. The ticket module filters by
 * requester in the query itself.
 */
@RestController
class TicketSearchApiController {

	static final int LIMIT = 50;

	private final TicketManagement tickets;

	private final SignedLinks links;

	private final MessageSource messages;

	private final CallerRights rights;

	private final ProblemWording wording;

	TicketSearchApiController(TicketManagement tickets, SignedLinks links, MessageSource messages, CallerRights rights,
			ProblemWording wording) {
		this.tickets = tickets;
		this.links = links;
		this.messages = messages;
		this.rights = rights;
		this.wording = wording;
	}

	record TicketSummary(String number, String subject, String status, String statusLabel, String createdAt,
			String viewLink) {
	}

	@GetMapping("/api/portal/tickets")
	ResponseEntity<?> search(@RequestParam String employee, @RequestParam(defaultValue = "") String q,
			Authentication caller) {
		if (!this.rights.mayActFor(caller, employee)) {
			Locale locale = LocaleContextHolder.getLocale();
			return ResponseEntity.status(403)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
				.body(this.wording.notThisEmployee("/api/portal/tickets", locale, this.rights.employeeClaim(),
						this.rights.onBehalfOfScope()));
		}
		List<TicketSummary> found = this.tickets.findOfRequester(employee, q, LIMIT).stream().map(this::summary).toList();
		return ResponseEntity.ok(found);
	}

	private TicketSummary summary(Ticket ticket) {
		return new TicketSummary(ticket.number().value(), ticket.subject(), ticket.status().name(),
				this.messages.getMessage("status." + ticket.status().name(), null, LocaleContextHolder.getLocale()),
				ticket.createdAt().toString(), this.links.ticketViewUrl(ticket.id(), ticket.requester().address()));
	}

}
