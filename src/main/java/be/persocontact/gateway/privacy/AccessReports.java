package be.persocontact.gateway.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.persocontact.gateway.access.LinkAccessLog;
import be.persocontact.gateway.queue.QueueDirectory;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketNumber;
import be.persocontact.gateway.ticket.TimelineEntry;

import org.springframework.stereotype.Service;

/**
 * Who opened a ticket and what officers changed on it, for an operator answering "who saw my file?": every
 * use of the ticket's links and reply addresses from the access log (time, purpose, the pseudonym of whom
 * the link was issued to and what that pseudonym stands for, outcome), and from the timeline every status
 * change, answer, internal note, routing and take-over with who did it, without the texts.
 */
@Service
public class AccessReports {

	private final TicketManagement tickets;

	private final LinkAccessLog accessLog;

	private final QueueDirectory queues;

	AccessReports(TicketManagement tickets, LinkAccessLog accessLog, QueueDirectory queues) {
		this.tickets = tickets;
		this.accessLog = accessLog;
		this.queues = queues;
	}

	/** The report of the ticket with that number; empty when there is none. */
	public Optional<AccessReport> of(String number) {
		TicketNumber parsed;
		try {
			parsed = new TicketNumber(number);
		}
		catch (IllegalArgumentException notOurs) {
			return Optional.empty();
		}
		return this.tickets.find(parsed).map(this::report);
	}

	private AccessReport report(Ticket ticket) {
		Map<String, String> audiences = new HashMap<>();
		this.queues.codes().forEach(code -> audiences.put(LinkAccessLog.queueAudienceHash(code), "QUEUE " + code));
		List<Opened> opened = this.accessLog.usesOfTicket(ticket.id())
			.stream()
			.map(use -> new Opened(use.at(), use.purpose(), use.recipientHash(),
					LinkAccessLog.isBy(use, ticket.requester().address()) ? "REQUESTER"
							: audiences.getOrDefault(use.recipientHash(), "OTHER"),
					use.outcome(), use.userAgent()))
			.toList();
		List<Change> changes = new ArrayList<>();
		for (TimelineEntry entry : ticket.timeline()) {
			change(ticket, entry).ifPresent(changes::add);
		}
		return new AccessReport(ticket.number().value(), ticket.status().name(), ticket.queue(), opened, changes);
	}

	/** A timeline entry as a change someone made; empty for the requester's own messages and notifications. */
	private static Optional<Change> change(Ticket ticket, TimelineEntry entry) {
		boolean byRequester = entry.author() != null && ticket.requester().hasAddress(entry.author());
		String by = entry.author() == null ? "GATEWAY" : byRequester ? "REQUESTER" : entry.author();
		return switch (entry.kind()) {
			case STATUS_CHANGE -> Optional.of(new Change(entry.createdAt(), by, "STATUS_CHANGE",
					entry.statusFrom().name(), entry.statusTo().name(), entry.inboundMessageId(), null));
			case OFFICER_MESSAGE -> Optional.of(new Change(entry.createdAt(), by, "ANSWER", null, null,
					entry.inboundMessageId(), null));
			case INTERNAL_NOTE -> Optional.of(new Change(entry.createdAt(), by, "INTERNAL_NOTE", null, null,
					entry.inboundMessageId(), null));
			case SYSTEM -> systemChange(entry);
			default -> Optional.empty();
		};
	}

	/** Routing decisions and take-overs are changes too; other system notes (bounces, references) are not. */
	private static Optional<Change> systemChange(TimelineEntry entry) {
		String note = entry.body() == null ? "" : entry.body();
		if (note.startsWith("Queue ")) {
			return Optional.of(new Change(entry.createdAt(), "GATEWAY", "ROUTED", null, null, null, note));
		}
		if (note.startsWith("Taken over from ")) {
			return Optional.of(new Change(entry.createdAt(), note.substring(note.lastIndexOf(" by ") + 4), "TAKEN_OVER",
					null, null, null, note));
		}
		return Optional.empty();
	}

	/**
	 * @param recipientHash the pseudonym of whom the link was issued to
	 * @param recipient what that pseudonym stands for: {@code REQUESTER}, {@code QUEUE <code>} (its officers),
	 * or {@code OTHER} (an address that is no longer the requester's)
	 * @param outcome {@code GRANTED}: uses that did not open are only counted, in {@code gateway.links.rejected}
	 */
	public record Opened(Instant at, String purpose, String recipientHash, String recipient, String outcome,
			String userAgent) {
	}

	/**
	 * @param by the officer's address, {@code REQUESTER}, or {@code GATEWAY} (routing, automatic closure)
	 * @param action {@code STATUS_CHANGE}, {@code ANSWER}, {@code INTERNAL_NOTE}, {@code ROUTED} or
	 * {@code TAKEN_OVER}
	 * @param receivedMail the inbound mail that carried it (an officer's command by mail), when it came by mail
	 * @param note the routing decision or take-over as recorded; texts of answers and notes are not reported
	 */
	public record Change(Instant at, String by, String action, String statusFrom, String statusTo, Long receivedMail,
			String note) {
	}

	public record AccessReport(String ticket, String status, String queue, List<Opened> opened, List<Change> changes) {
	}

}
