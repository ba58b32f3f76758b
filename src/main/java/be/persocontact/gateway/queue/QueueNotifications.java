package be.persocontact.gateway.queue;

import java.util.LinkedHashMap;
import java.util.Map;

import be.persocontact.gateway.ticket.RequesterMessageAppended;
import be.persocontact.gateway.ticket.SolutionRefused;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketRouted;
import be.persocontact.gateway.ticket.TicketStatus;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps officers informed, inside the transaction of the change (a change that rolls back mails
 * nobody): a ticket routed or moved to a queue is announced to it; a requester's message, and a
 * solution refused through its page, go to the officer working on the ticket.
 */
@Component
class QueueNotifications {

	private final TicketManagement tickets;

	private final QueueDirectory directory;

	private final OfficerMails mails;

	QueueNotifications(TicketManagement tickets, QueueDirectory directory, OfficerMails mails) {
		this.tickets = tickets;
		this.directory = directory;
		this.mails = mails;
	}

	@EventListener
	void on(TicketRouted event) {
		Ticket ticket = this.tickets.find(event.number()).orElseThrow();
		Queue queue = this.directory.get(event.queue());
		Queue previous = event.previous() == null ? null : this.directory.find(event.previous()).orElse(null);
		if (previous != null && previous.code().equals(queue.code())) {
			return;
		}
		this.mails.announce(ticket, queue, previous, event.reason(), ticket.firstRequesterMessage());
	}

	@EventListener
	void on(RequesterMessageAppended event) {
		Ticket ticket = this.tickets.find(event.number()).orElseThrow();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("message", OfficerMails.clip(event.text()));
		model.put("change", change(event.before(), event.after()));
		this.mails.tellOfficers(ticket, "officer-requester-replied", model);
	}

	@EventListener
	void on(SolutionRefused event) {
		Ticket ticket = this.tickets.find(event.number()).orElseThrow();
		this.mails.tellOfficers(ticket, "officer-solution-refused", Map.of("message", event.reason()));
	}

	private static String change(TicketStatus before, TicketStatus after) {
		if (before == after) {
			return null;
		}
		if (after == TicketStatus.CLOSED_COMPLETE) {
			return "accepted";
		}
		return before == TicketStatus.AWAITING_ACCEPTANCE ? "refused" : "back";
	}


}
