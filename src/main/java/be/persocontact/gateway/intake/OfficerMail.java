package be.persocontact.gateway.intake;

import java.time.Clock;
import java.time.Instant;

import be.persocontact.gateway.queue.OfficerReplies;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketNumber;

import org.springframework.stereotype.Component;

/**
 * A mail to an officer's reply address (a token bound to a ticket and a queue) is an officer's reply:
 * carried out, refused with a word to the officer, or held for review when it is not to be trusted.
 */
@Component
class OfficerMail {

	/** The threading rule recorded for an officer's reply. */
	static final String OFFICER_REPLY = "OFFICER_REPLY_TOKEN";

	private final OfficerReplies officers;

	private final TicketManagement tickets;

	private final TicketFiles files;

	private final Clock clock;

	OfficerMail(OfficerReplies officers, TicketManagement tickets, TicketFiles files, Clock clock) {
		this.officers = officers;
		this.tickets = tickets;
		this.files = files;
		this.clock = clock;
	}

	/** The outcome of an officer's reply, or null when the mail is not for officers. */
	Outcome handle(ReceivedMail received, String replyText) {
		InboundMessage record = received.record();
		ParsedMail mail = received.mail();
		OfficerReplies.Result result = this.officers.handle(new OfficerReplies.OfficerMail(mail.fromAddress(),
				mail.recipientAddresses(), mail.referencedMessageIds(), replyText, record.id()),
				received.verdict().mayAct() ? OfficerReplies.Authorship.provenSender()
						: OfficerReplies.Authorship.unproven(received.verdict().reason()));
		Instant now = this.clock.instant();
		switch (result.kind()) {
			case NOT_FOR_OFFICERS -> {
				return null;
			}
			case HELD -> {
				record.finish(Outcome.QUARANTINED, "OFFICER_REPLY_HELD: " + result.reason(), result.ticket(), now);
				return Outcome.QUARANTINED;
			}
			case COMMANDS_REFUSED -> {
				record.finish(Outcome.REJECTED_OFFICER_COMMAND, result.reason(), result.ticket(), now);
				record.threadedBy(OFFICER_REPLY);
				return Outcome.REJECTED_OFFICER_COMMAND;
			}
			default -> {
				TicketNumber number = new TicketNumber(result.ticket());
				if (result.internal()) {
					// a note's files stay with the officer's stored mail: the ticket's files are the employee's too
					if (!received.files().receipts().isEmpty()) {
						this.tickets.addInternalNote(number, mail.fromAddress(), received.files().receipts().size()
								+ " file(s) of this note are kept with the officer's mail (inbound message " + record.id()
								+ "), not with the ticket", record.id());
					}
				}
				else {
					// files an officer attaches are the ticket's, and go with the mail this reply causes
					this.files.record(number, received.files(), received.language(), record.id());
				}
				record.finish(Outcome.APPENDED, result.reason(), result.ticket(), now);
				record.threadedBy(OFFICER_REPLY);
				return Outcome.APPENDED;
			}
		}
	}

}
