package be.persocontact.gateway.intake;

import java.time.Clock;
import java.util.List;

import be.persocontact.gateway.ticket.TicketManagement;

import org.springframework.stereotype.Component;

/**
 * A machine's mail about one of ours goes on that ticket's timeline as a system entry; a permanent bounce
 * of our mail to that very address counts against it. Nothing is ever sent in answer.
 */
@Component
class MachineMailNotes {

	private final FailingAddresses failingAddresses;

	private final ThreadResolver threads;

	private final TicketManagement tickets;

	private final Clock clock;

	MachineMailNotes(FailingAddresses failingAddresses, ThreadResolver threads, TicketManagement tickets, Clock clock) {
		this.failingAddresses = failingAddresses;
		this.threads = threads;
		this.tickets = tickets;
		this.clock = clock;
	}

	/** Ends a mail the checks stopped, with the ticket it was about (if any) noted on both. */
	Outcome finish(InboundMessage record, IntakeCheck.Stop stop, ParsedMail mail) {
		String related = noteOnTicket(stop, mail, record.id());
		record.finish(stop.outcome(), stop.reason(), related, this.clock.instant());
		return stop.outcome();
	}

	/** Returns the number of the ticket the report was about, or null. */
	private String noteOnTicket(IntakeCheck.Stop stop, ParsedMail mail, Long inboundMessageId) {
		List<String> failed = this.failingAddresses.recordReport(stop.report(), inboundMessageId);
		if (stop.report().aboutMessageIds().isEmpty()) {
			return null;
		}
		return this.threads.ticketAnswered(stop.report()).map(ticket -> {
			String what = switch (stop.outcome()) {
				// a 4.x.x report (delayed, mailbox full) is not a failure yet: say so, or officers chase ghosts
				case IGNORED_BOUNCE -> !failed.isEmpty()
						? "Our mail could not be delivered to " + String.join(", ", failed)
						: stop.report().permanentFailures().isEmpty()
								? "A delivery report about our mail arrived; it reports no permanent failure"
								: "A delivery report about our mail arrived; the failure it reports is not of an address we sent that mail to";
				case IGNORED_AUTO_REPLY -> "Automatic reply received from " + mail.fromAddress();
				case IGNORED_READ_RECEIPT -> "Read receipt received from " + mail.fromAddress();
				default -> stop.outcome().name() + " received from " + mail.fromAddress();
			};
			this.tickets.recordSystemNote(ticket.id(), what + " (" + stop.reason() + ")");
			return ticket.number().value();
		}).orElse(null);
	}

}
