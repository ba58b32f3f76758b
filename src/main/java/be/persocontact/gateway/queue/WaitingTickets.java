package be.persocontact.gateway.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import be.persocontact.gateway.notification.NotificationManagement;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tickets waiting for their requester: a question asked (PENDING) or a solution proposed
 * (AWAITING_ACCEPTANCE). After {@code gateway.queues.reminder-after} the requester is reminded, once
 * per status; a proposed solution still unanswered after {@code gateway.queues.auto-close-after} closes
 * the ticket, and the requester is told it was closed for want of an answer. A PENDING ticket is
 * never closed: the status model has no way from PENDING to closed, and an officer decides. Run by
 * {@code routes/ticket-housekeeping.camel.yaml}; each ticket in its own transaction, so that several
 * instances, or one bad ticket, never block or double the others (the ticket's version guards it).
 */
@Service
public class WaitingTickets {

	private static final Logger log = LoggerFactory.getLogger(WaitingTickets.class);

	private static final int BATCH = 200;

	private final TicketManagement tickets;

	private final NotificationManagement notifications;

	private final QueueSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	WaitingTickets(TicketManagement tickets, NotificationManagement notifications, QueueSettings settings,
			TransactionTemplate transaction, Clock clock) {
		this.tickets = tickets;
		this.notifications = notifications;
		this.settings = settings;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** One pass at the current time. */
	public Summary run() {
		return run(this.clock.instant());
	}

	/** One pass as if it were {@code now}: closes what is overdue first, then reminds. */
	public Summary run(Instant now) {
		int closed = 0;
		int reminded = 0;
		Instant closeBefore = now.minus(this.settings.autoCloseAfter());
		for (Ticket ticket : this.tickets.findWaitingSince(TicketStatus.AWAITING_ACCEPTANCE, closeBefore, BATCH)) {
			if (inOwnTransaction(ticket, () -> {
				this.tickets.closeForWantOfAnswer(ticket.id(), "no answer to the proposed solution within "
						+ this.settings.autoCloseAfter().toDays() + " days");
				return true;
			})) {
				closed++;
			}
		}
		Instant remindBefore = now.minus(this.settings.reminderAfter());
		for (TicketStatus waiting : List.of(TicketStatus.PENDING, TicketStatus.AWAITING_ACCEPTANCE)) {
			for (Ticket ticket : this.tickets.findNotRemindedSince(waiting, remindBefore, BATCH)) {
				if (inOwnTransaction(ticket, () -> {
					if (!this.tickets.markReminded(ticket.id(), remindBefore)) {
						return false;
					}
					this.notifications.remindRequester(ticket.number());
					return true;
				})) {
					reminded++;
				}
			}
		}
		if (closed + reminded > 0) {
			log.info("Waiting tickets: {} closed for want of an answer, {} requesters reminded", closed, reminded);
		}
		return new Summary(reminded, closed);
	}

	private boolean inOwnTransaction(Ticket ticket, java.util.function.Supplier<Boolean> work) {
		try {
			return Boolean.TRUE.equals(this.transaction.execute(status -> work.get()));
		}
		catch (RuntimeException ex) {
			// another instance got there first (optimistic lock), or the ticket moved on meanwhile
			log.warn("Waiting ticket {} skipped this time: {}", ticket.number(), ex.toString());
			return false;
		}
	}

	/** What one pass did. */
	public record Summary(int reminded, int closed) {
	}

}
