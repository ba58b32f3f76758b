package be.persocontact.gateway.ticket.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import be.persocontact.gateway.access.LinkManagement;
import be.persocontact.gateway.access.LinkProblemPage;
import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.access.LinkUse;
import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * "My cases": every ticket of the requester a link was issued to, open and closed, newest first. The
 * token names one of their tickets; the address comes from it. The view links listed are for this
 * visit only ({@code gateway.access.listed-link-lifetime}) and bound to the same address, so they go
 * with it when its links are withdrawn: the page is not a key to every case for longer than the visit.
 */
@Controller
class MyCasesController {

	private final LinkManagement access;

	private final SignedLinks links;

	private final TicketManagement tickets;

	private final LinkProblemPage problems;

	private final DateTimeFormatter dateFormat;

	MyCasesController(LinkManagement access, SignedLinks links, TicketManagement tickets, LinkProblemPage problems,
			@Value("${gateway.time-zone:Europe/Brussels}") String zone) {
		this.access = access;
		this.links = links;
		this.tickets = tickets;
		this.problems = problems;
		this.dateFormat = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of(zone));
	}

	@GetMapping("/me/{token}")
	String cases(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		LinkUse use = this.access.open(token, LinkPurpose.MY_CASES, this.tickets::requesterOf,
				request.getHeader(HttpHeaders.USER_AGENT));
		if (!(use instanceof LinkUse.Granted granted)) {
			return this.problems.page(((LinkUse.Refused) use).reason(), model, response);
		}
		Ticket anchor = this.tickets.find(granted.ticketId()).orElseThrow();
		TicketViewController.speakTheRequestersLanguage(anchor, request);
		List<CaseRow> rows = this.tickets.findByRequester(granted.recipient())
			.stream()
			.map(ticket -> new CaseRow(ticket.number().value(), ticket.subject(), ticket.status().name(),
					this.dateFormat.format(ticket.createdAt()), ticket.createdAt().toString(),
					this.links.listedViewUrl(ticket.id(), granted.recipient())))
			.toList();
		model.addAttribute("cases", rows);
		model.addAttribute("token", token);
		return "ticket/my-cases";
	}

	record CaseRow(String number, String title, String status, String opened, String isoOpened, String viewUrl) {
	}

}
