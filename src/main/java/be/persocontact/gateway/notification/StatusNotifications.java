package be.persocontact.gateway.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketStatus;
import be.persocontact.gateway.ticket.TicketStatusChanged;
import be.persocontact.gateway.ticket.TimelineEntry;
import be.persocontact.gateway.ticket.TimelineEntryKind;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the requester of every status change, one template per target status. Runs inside the
 * transaction of the change: a change that rolls back leaves no mail behind.
 */
@Component
class StatusNotifications {

	private final TicketManagement tickets;

	private final TicketMails mails;

	StatusNotifications(TicketManagement tickets, TicketMails mails) {
		this.tickets = tickets;
		this.mails = mails;
	}

	@EventListener
	void on(TicketStatusChanged event) {
		Ticket ticket = this.tickets.find(event.number()).orElseThrow();
		String template = templateFor(event.to(), closedByRequester(ticket));
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("from", event.from().name());
		// the officer's question or proposed solution; never a requester's refusal reason sent back to them
		boolean officerNote = event.to() == TicketStatus.PENDING || event.to() == TicketStatus.AWAITING_ACCEPTANCE;
		extra.put("message", officerNote && event.note() != null && !event.note().isBlank() ? event.note() : null);
		if (event.to() == TicketStatus.AWAITING_ACCEPTANCE) {
			extra.put("acceptLink", this.mails.link(LinkPurpose.ACCEPT_SOLUTION, ticket));
			extra.put("refuseLink", this.mails.link(LinkPurpose.REFUSE_SOLUTION, ticket));
		}
		// the files of the officer's mail that asked or proposed go with it
		this.mails.withFilesOf(this.mails.enqueue(ticket, template, extra), event.inboundMessageId());
	}

	/**
	 * The template for a change to that status. A ticket closed by anyone but its requester was closed
	 * for want of an answer, which the requester should read as such, not as "thank you for accepting".
	 */
	static String templateFor(TicketStatus target, boolean closedByRequester) {
		return switch (target) {
			case ASSIGNED -> "status-assigned";
			case WORK_IN_PROGRESS -> "status-work-in-progress";
			case PENDING -> "information-requested";
			case AWAITING_ACCEPTANCE -> "solution-proposed";
			case CLOSED_COMPLETE -> closedByRequester ? "status-closed-complete" : "auto-closed";
			case OPEN -> throw new IllegalArgumentException("No transition leads back to OPEN");
		};
	}

	private static boolean closedByRequester(Ticket ticket) {
		for (int i = ticket.timeline().size() - 1; i >= 0; i--) {
			TimelineEntry entry = ticket.timeline().get(i);
			if (entry.kind() == TimelineEntryKind.STATUS_CHANGE) {
				return entry.statusTo() == TicketStatus.CLOSED_COMPLETE && ticket.isParticipant(entry.author());
			}
		}
		return false;
	}

}
