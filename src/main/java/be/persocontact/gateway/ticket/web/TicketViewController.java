package be.persocontact.gateway.ticket.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.access.LinkVerification;
import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketStatus;
import be.persocontact.gateway.ticket.TimelineEntry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The read-only ticket view behind a signed link. It changes nothing (mail scanners open every link)
 * and answers a bad link with a friendly page: 404 for anything not ours, 410 for an expired link.
 */
@Controller
class TicketViewController {

	static final String LOCALE_ATTRIBUTE = "gateway.locale";

	private final SignedLinks links;

	private final TicketManagement tickets;

	private final DateTimeFormatter timeFormat;

	private final MessageSource messages;

	TicketViewController(SignedLinks links, TicketManagement tickets, MessageSource messages,
			@Value("${gateway.time-zone:Europe/Brussels}") String zone) {
		this.links = links;
		this.tickets = tickets;
		this.messages = messages;
		this.timeFormat = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of(zone));
	}

	@GetMapping("/t/{token}")
	String view(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		LinkVerification verification = this.links.verify(token, LinkPurpose.VIEW_TICKET);
		if (verification instanceof LinkVerification.Expired) {
			response.setStatus(HttpServletResponse.SC_GONE);
			return problem("expired", model);
		}
		Optional<Ticket> ticket = (verification instanceof LinkVerification.Valid valid)
				? this.tickets.find(valid.ticketId())
					.filter(found -> this.links.isIssuedTo(valid, found.requester().address()))
				: Optional.empty();
		if (ticket.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return problem("invalid", model);
		}
		Ticket found = ticket.get();
		if (request.getParameter("lang") == null) {
			request.setAttribute(LOCALE_ATTRIBUTE, Locale.forLanguageTag(found.requester().language()));
		}
		model.addAttribute("ticket", found);
		model.addAttribute("tracker", tracker(found.status()));
		model.addAttribute("timeline", found.timeline().stream().map(this::row).toList());
		model.addAttribute("token", token);
		return "ticket/view";
	}

	private String problem(String problem, Model model) {
		Locale first = LocaleContextHolder.getLocale();
		List<ProblemText> texts = java.util.stream.Stream
			.concat(java.util.stream.Stream.of(first.getLanguage()),
					java.util.stream.Stream.of("nl", "fr", "de", "en"))
			.distinct()
			.map(Locale::forLanguageTag)
			.map(locale -> new ProblemText(locale.getLanguage(),
					this.messages.getMessage("link." + problem + ".title", null, locale),
					this.messages.getMessage("link." + problem + ".text", null, locale)))
			.toList();
		model.addAttribute("problem", problem);
		model.addAttribute("texts", texts);
		return "ticket/link-problem";
	}

	private List<TrackerStep> tracker(TicketStatus current) {
		return Arrays.stream(TicketStatus.values())
			.map(status -> new TrackerStep(status.name(), status == current, status.ordinal() < current.ordinal()))
			.toList();
	}

	private TimelineRow row(TimelineEntry entry) {
		return new TimelineRow(entry.kind().name(), entry.author(), this.timeFormat.format(entry.createdAt()),
				entry.createdAt().toString(), entry.body(),
				entry.statusFrom() == null ? null : entry.statusFrom().name(),
				entry.statusTo() == null ? null : entry.statusTo().name());
	}

	record ProblemText(String language, String title, String explanation) {
	}

	record TrackerStep(String status, boolean current, boolean done) {
	}

	record TimelineRow(String kind, String author, String at, String isoAt, String body, String statusFrom,
			String statusTo) {
	}

}
