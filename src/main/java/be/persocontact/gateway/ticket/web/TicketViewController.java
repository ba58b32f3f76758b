package be.persocontact.gateway.ticket.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import be.persocontact.gateway.access.LinkManagement;
import be.persocontact.gateway.access.LinkProblemPage;
import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.access.LinkUse;
import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.ticket.MyCasesRequests;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketFiles;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketStatus;
import be.persocontact.gateway.ticket.TimelineEntry;
import be.persocontact.gateway.ticket.TimelineEntryKind;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The read-only ticket view behind a signed link. It changes nothing (mail scanners open every link)
 * and answers a bad link with a friendly page, never a stack trace. Message bodies are shown as text
 * (Thymeleaf escapes them): markup an employee pasted or an HTML mail left behind is never rendered.
 */
@Controller
class TicketViewController {

	static final String LOCALE_ATTRIBUTE = "gateway.locale";

	private final LinkManagement access;

	private final SignedLinks links;

	private final TicketManagement tickets;

	private final LinkProblemPage problems;

	private final DateTimeFormatter timeFormat;

	private final ObjectProvider<TicketFiles> files;

	private final MyCasesRequests myCases;

	TicketViewController(LinkManagement access, SignedLinks links, TicketManagement tickets, LinkProblemPage problems,
			ObjectProvider<TicketFiles> files, MyCasesRequests myCases,
			@Value("${gateway.time-zone:Europe/Brussels}") String zone) {
		this.files = files;
		this.myCases = myCases;
		this.access = access;
		this.links = links;
		this.tickets = tickets;
		this.problems = problems;
		this.timeFormat = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of(zone));
	}

	@GetMapping("/t/{token}")
	String view(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		LinkUse use = this.access.open(token, LinkPurpose.VIEW_TICKET, this.tickets::requesterOf,
				request.getHeader(HttpHeaders.USER_AGENT));
		if (!(use instanceof LinkUse.Granted granted)) {
			return this.problems.page(((LinkUse.Refused) use).reason(), model, response);
		}
		Ticket ticket = this.tickets.find(granted.ticketId()).orElseThrow();
		speakTheRequestersLanguage(ticket, request);
		Locale locale = Locale.forLanguageTag(
				request.getParameter("lang") != null ? request.getParameter("lang") : ticket.requester().language());
		// notes between officers never reach the requester
		return page(ticket, token, false, granted.recipient(), locale, model);
	}

	/**
	 * "All your requests", asked from the page of one of them: the link is mailed to the requester, never
	 * shown here, so that a forwarded link to one ticket does not open every case.
	 */
	@PostMapping("/t/{token}/my-cases")
	String mailMyCases(@PathVariable String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		LinkUse use = this.access.open(token, LinkPurpose.VIEW_TICKET, this.tickets::requesterOf,
				request.getHeader(HttpHeaders.USER_AGENT));
		if (!(use instanceof LinkUse.Granted granted)) {
			return this.problems.page(((LinkUse.Refused) use).reason(), model, response);
		}
		Ticket ticket = this.tickets.find(granted.ticketId()).orElseThrow();
		speakTheRequestersLanguage(ticket, request);
		this.myCases.requestLink(ticket.id());
		model.addAttribute("ticket", ticket);
		model.addAttribute("token", token);
		return "ticket/my-cases-sent";
	}

	/**
	 * The officers' view of a ticket ({@code /o/}): the same page with the internal notes and the
	 * officer working on it, reached from the mails to the queue. The link is issued to the queue and
	 * opens only while the ticket is in it. It changes nothing either.
	 */
	@GetMapping("/o/{token}")
	String officerView(@PathVariable String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		LinkUse use = this.access.open(token, LinkPurpose.OFFICER_VIEW,
				id -> this.tickets.find(id).filter(t -> t.queue() != null).map(t -> Ticket.queueAudience(t.queue())),
				request.getHeader(HttpHeaders.USER_AGENT));
		if (!(use instanceof LinkUse.Granted granted)) {
			return this.problems.page(((LinkUse.Refused) use).reason(), model, response);
		}
		Ticket ticket = this.tickets.find(granted.ticketId()).orElseThrow();
		// the files are the requester's: their download links are the requester's too
		return page(ticket, token, true, ticket.requester().address(), LocaleContextHolder.getLocale(), model);
	}

	/** The ticket page; the officers' version shows the internal notes and who works on the ticket. */
	private String page(Ticket ticket, String token, boolean officer, String filesRecipient, Locale locale,
			Model model) {
		model.addAttribute("ticket", ticket);
		model.addAttribute("tracker", tracker(ticket.status()));
		model.addAttribute("timeline", ticket.timeline()
			.stream()
			.filter(entry -> officer || entry.kind() != TimelineEntryKind.INTERNAL_NOTE)
			.map(entry -> row(entry, officer))
			.toList());
		model.addAttribute("officer", officer);
		model.addAttribute("token", token);
		model.addAttribute("files", this.files.orderedStream()
			.flatMap(provider -> provider.filesOf(ticket, filesRecipient, locale).stream())
			.toList());
		return "ticket/view";
	}

	/** An explicit ?lang= wins (the switch on the page); otherwise the language the requester chose. */
	static void speakTheRequestersLanguage(Ticket ticket, HttpServletRequest request) {
		if (request.getParameter("lang") == null) {
			request.setAttribute(LOCALE_ATTRIBUTE, Locale.forLanguageTag(ticket.requester().language()));
		}
	}

	/**
	 * The six statuses in their order. PENDING is a side step of work in progress, so a ticket past it
	 * shows it as done only if it was actually pending at some point.
	 */
	static List<TrackerStep> tracker(TicketStatus current) {
		return Arrays.stream(TicketStatus.values())
			.map(status -> new TrackerStep(status.name(), status == current,
					status.ordinal() < current.ordinal() && status != TicketStatus.PENDING))
			.toList();
	}

	/**
	 * Officers also get a message as it was received, when trimming left something out of its body. What
	 * was lost from a damaged mail is a detail for officers too; the requester reads the sentence.
	 */
	private TimelineRow row(TimelineEntry entry, boolean officer) {
		boolean detailForOfficers = entry.kind() == TimelineEntryKind.DAMAGED_MAIL && !officer;
		return new TimelineRow(entry.kind().name(), entry.author(), this.timeFormat.format(entry.createdAt()),
				entry.createdAt().toString(), detailForOfficers ? null : entry.body(),
				entry.statusFrom() == null ? null : entry.statusFrom().name(),
				entry.statusTo() == null ? null : entry.statusTo().name(), officer ? entry.receivedText() : null);
	}

	record TrackerStep(String status, boolean current, boolean done) {
	}

	record TimelineRow(String kind, String author, String at, String isoAt, String body, String statusFrom,
			String statusTo, String receivedText) {
	}

}
