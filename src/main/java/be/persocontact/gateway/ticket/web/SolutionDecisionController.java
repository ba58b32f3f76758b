package be.persocontact.gateway.ticket.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import be.persocontact.gateway.access.LinkManagement;
import be.persocontact.gateway.access.LinkProblemPage;
import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.access.LinkUse;
import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketStatus;
import be.persocontact.gateway.ticket.TicketStatusChangeRefused;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The accept and refuse links of a solution mail. Opening a link only shows a form (mail scanners
 * open every link); the decision is the form's POST, by the person who reads the page.
 */
@Controller
class SolutionDecisionController {

	static final int MAX_REASON_CHARS = 4000;

	private final LinkManagement access;

	private final SignedLinks links;

	private final TicketManagement tickets;

	private final LinkProblemPage problems;

	SolutionDecisionController(LinkManagement access, SignedLinks links, TicketManagement tickets,
			LinkProblemPage problems) {
		this.access = access;
		this.links = links;
		this.tickets = tickets;
		this.problems = problems;
	}

	@GetMapping("/a/{token}")
	String askAccept(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		return form(token, LinkPurpose.ACCEPT_SOLUTION, model, request, response);
	}

	@GetMapping("/r/{token}")
	String askRefuse(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		return form(token, LinkPurpose.REFUSE_SOLUTION, model, request, response);
	}

	@PostMapping("/a/{token}")
	String accept(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		return decide(token, LinkPurpose.ACCEPT_SOLUTION, null, model, request, response);
	}

	@PostMapping("/r/{token}")
	String refuse(@PathVariable String token, @RequestParam(defaultValue = "") String reason, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		return decide(token, LinkPurpose.REFUSE_SOLUTION, reason, model, request, response);
	}

	private String form(String token, LinkPurpose purpose, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		LinkUse use = open(token, purpose, request);
		if (!(use instanceof LinkUse.Granted granted)) {
			return this.problems.page(((LinkUse.Refused) use).reason(), model, response);
		}
		Ticket ticket = show(granted, model, request);
		model.addAttribute("step", ticket.status() == TicketStatus.AWAITING_ACCEPTANCE ? "ask" : "notAwaiting");
		return "ticket/decision";
	}

	private String decide(String token, LinkPurpose purpose, String reason, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		LinkUse use = open(token, purpose, request);
		if (!(use instanceof LinkUse.Granted granted)) {
			return this.problems.page(((LinkUse.Refused) use).reason(), model, response);
		}
		String cleanReason = reason == null ? null : reason.strip();
		if (purpose == LinkPurpose.REFUSE_SOLUTION && (cleanReason.isEmpty() || cleanReason.length() > MAX_REASON_CHARS)) {
			show(granted, model, request);
			model.addAttribute("step", "ask");
			model.addAttribute("reasonMissing", true);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "ticket/decision";
		}
		try {
			if (purpose == LinkPurpose.ACCEPT_SOLUTION) {
				this.tickets.acceptSolution(granted.ticketId(), granted.recipient());
			}
			else {
				this.tickets.refuseSolution(granted.ticketId(), granted.recipient(), cleanReason);
			}
			model.addAttribute("step", purpose == LinkPurpose.ACCEPT_SOLUTION ? "accepted" : "refused");
		}
		catch (TicketStatusChangeRefused alreadyDecided) {
			model.addAttribute("step", "notAwaiting");
		}
		show(granted, model, request);
		return "ticket/decision";
	}

	private LinkUse open(String token, LinkPurpose purpose, HttpServletRequest request) {
		return this.access.open(token, purpose, this.tickets::requesterOf, request.getHeader(HttpHeaders.USER_AGENT));
	}

	private Ticket show(LinkUse.Granted granted, Model model, HttpServletRequest request) {
		Ticket ticket = this.tickets.find(granted.ticketId()).orElseThrow();
		TicketViewController.speakTheRequestersLanguage(ticket, request);
		model.addAttribute("ticket", ticket);
		model.addAttribute("accept", granted.purpose() == LinkPurpose.ACCEPT_SOLUTION);
		model.addAttribute("viewUrl", this.links.listedViewUrl(ticket.id(), granted.recipient()));
		model.addAttribute("selfPath", request.getRequestURI());
		return ticket;
	}

}
