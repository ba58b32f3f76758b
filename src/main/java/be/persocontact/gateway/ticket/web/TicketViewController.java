package be.persocontact.gateway.ticket.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import be.persocontact.gateway.access.LinkManagement;
import be.persocontact.gateway.access.LinkProblemPage;
import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.access.LinkUse;
import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.ticket.MyCasesRequests;
import be.persocontact.gateway.ticket.TeamNames;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketFiles;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketStatus;
import be.persocontact.gateway.ticket.TimelineEntry;
import be.persocontact.gateway.ticket.TimelineEntryKind;
import be.persocontact.gateway.ticket.TimelineNote;

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

	private final ObjectProvider<TeamNames> teams;

	TicketViewController(LinkManagement access, SignedLinks links, TicketManagement tickets, LinkProblemPage problems,
			ObjectProvider<TicketFiles> files, MyCasesRequests myCases, ObjectProvider<TeamNames> teams,
			@Value("${gateway.time-zone:Europe/Brussels}") String zone) {
		this.files = files;
		this.myCases = myCases;
		this.teams = teams;
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
		// what is written for officers never reaches the requester (requesterRow)
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
			.map(entry -> officer ? Optional.of(officerRow(entry)) : requesterRow(ticket, entry, locale))
			.flatMap(Optional::stream)
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
	 * Officers read every entry in full, with a message as it was received when trimming left something
	 * out of its body.
	 */
	private TimelineRow officerRow(TimelineEntry entry) {
		return new TimelineRow(entry.kind().name(), entry.author(), this.timeFormat.format(entry.createdAt()),
				entry.createdAt().toString(), entry.body(), name(entry.statusFrom()), name(entry.statusTo()),
				entry.receivedText(), null, null);
	}

	/**
	 * What the requester may read of an entry, decided per kind (a new kind does not compile until it is
	 * decided here): their own and HR's messages, the status changes with only the words meant for them,
	 * the typed notes as a sentence in their language; nothing written for officers.
	 */
	private Optional<TimelineRow> requesterRow(Ticket ticket, TimelineEntry entry, Locale locale) {
		return switch (entry.kind()) {
			case REQUESTER_MESSAGE, OFFICER_MESSAGE -> Optional.of(requesterRow(entry, entry.body(), null, null));
			// the question and the proposed solution were written to the requester, a refusal's reason is
			// their own; any other note (a deadline passed, an erasure, operator tooling) is for officers
			case STATUS_CHANGE -> Optional.of(requesterRow(entry, entry.statusTo() == TicketStatus.PENDING
					|| entry.statusTo() == TicketStatus.AWAITING_ACCEPTANCE
					|| ticket.requester().address().equalsIgnoreCase(String.valueOf(entry.author())) ? entry.body()
							: null, null, null));
			// what was lost from a damaged mail is a detail for officers: the requester reads a sentence
			case DAMAGED_MAIL -> Optional.of(requesterRow(entry, null, null, null));
			// the label says a mail went out; what it said is in the requester's mailbox
			case NOTIFICATION -> Optional.of(requesterRow(entry, null, null, null));
			case INTERNAL_NOTE -> Optional.empty();
			// written for officers, in their words: only a typed note becomes a sentence for the requester
			case SYSTEM -> noteArgument(entry, locale)
				.map(argument -> requesterRow(entry, null, entry.note().name(), argument));
		};
	}

	/** The argument of a typed note as the requester reads it: a queue becomes its team's name. */
	private Optional<String> noteArgument(TimelineEntry entry, Locale locale) {
		if (entry.note() == null) {
			return Optional.empty();
		}
		if (entry.note() == TimelineNote.PASSED_TO_TEAM) {
			return this.teams.orderedStream()
				.flatMap(names -> names.nameOf(entry.noteArgument(), locale).stream())
				.findFirst();
		}
		return Optional.ofNullable(entry.noteArgument());
	}

	/** Only the requester's own messages carry an author on their page: officers' addresses stay internal. */
	private TimelineRow requesterRow(TimelineEntry entry, String body, String note, String noteArgument) {
		String author = entry.kind() == TimelineEntryKind.REQUESTER_MESSAGE ? entry.author() : null;
		return new TimelineRow(entry.kind().name(), author, this.timeFormat.format(entry.createdAt()),
				entry.createdAt().toString(), body, name(entry.statusFrom()), name(entry.statusTo()), null, note,
				noteArgument);
	}

	private static String name(TicketStatus status) {
		return status == null ? null : status.name();
	}

	record TrackerStep(String status, boolean current, boolean done) {
	}

	/**
	 * @param note a typed note's code, shown as the sentence {@code timeline.note.<code>} with {@code noteArgument}
	 */
	record TimelineRow(String kind, String author, String at, String isoAt, String body, String statusFrom,
			String statusTo, String receivedText, String note, String noteArgument) {
	}

}
