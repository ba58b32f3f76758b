package be.persocontact.gateway.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import be.persocontact.gateway.queue.TicketRouting;
import be.persocontact.gateway.ticket.RecordedMessage;
import be.persocontact.gateway.ticket.RequesterMessage;
import be.persocontact.gateway.ticket.SenderProof;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketNumber;

import org.springframework.stereotype.Component;

/**
 * The last step of intake: a requester's mail goes on the ticket it answers, or opens a new one, within
 * the per-ticket and per-sender limits; a new ticket is routed once its files are stored.
 */
@Component
class TicketMessages {

	private final TicketManagement tickets;

	private final TicketRouting routing;

	private final TicketFiles files;

	private final AppendLimits appendLimits;

	private final RejectionNotices notices;

	private final IntakeSettings settings;

	private final Clock clock;

	TicketMessages(TicketManagement tickets, TicketRouting routing, TicketFiles files, AppendLimits appendLimits,
			RejectionNotices notices, IntakeSettings settings, Clock clock) {
		this.tickets = tickets;
		this.routing = routing;
		this.files = files;
		this.appendLimits = appendLimits;
		this.notices = notices;
		this.settings = settings;
		this.clock = clock;
	}

	/** A reply threaded onto its ticket (or a follow-up of a closed one). */
	Outcome append(ReceivedMail received, ThreadResolver.Match thread, String replyText) {
		ParsedMail mail = received.mail();
		InboundMessage record = received.record();
		Optional<String> limited = this.appendLimits.exceeded(mail.fromAddress(), thread.ticket());
		if (limited.isPresent()) {
			this.notices.notifyOnce(mail.fromAddress(), received.language(), Outcome.REJECTED_RATE_LIMITED, mail.subject());
			record.finish(Outcome.REJECTED_RATE_LIMITED, limited.get(), thread.ticket().value(), this.clock.instant());
			return Outcome.REJECTED_RATE_LIMITED;
		}
		RequesterMessage reply = message(received, replyText);
		SenderProof proof = proofOf(received.verdict(), thread);
		RecordedMessage result = TicketFiles.withReceipts(received.files(),
				() -> this.tickets.append(thread.ticket(), reply, proof));
		this.files.recordWithDamage(result.ticket(), received);
		if (result.action() == RecordedMessage.Action.OPENED_FOLLOW_UP) {
			this.routing.route(result.ticket());
		}
		Outcome outcome = result.action() == RecordedMessage.Action.APPENDED ? Outcome.APPENDED : Outcome.TICKET_CREATED;
		record.finish(outcome, reasonOf(result, received.verdict()), result.ticket().value(), this.clock.instant());
		record.threadedBy(thread.rule().name());
		return outcome;
	}

	/** A new request: a ticket of its own, unless the sender opened too many lately. */
	Outcome open(ReceivedMail received) {
		ParsedMail mail = received.mail();
		InboundMessage record = received.record();
		String sender = mail.sender().address();
		Instant windowStart = this.clock.instant().minus(this.settings.rateWindow());
		if (this.tickets.countOpenedSince(sender, windowStart) >= this.settings.newTicketsPerSender()) {
			this.notices.notifyOnce(sender, received.language(), Outcome.REJECTED_RATE_LIMITED, mail.subject());
			record.finish(Outcome.REJECTED_RATE_LIMITED, "more than " + this.settings.newTicketsPerSender()
					+ " new tickets in " + this.settings.rateWindow(), null, this.clock.instant());
			return Outcome.REJECTED_RATE_LIMITED;
		}
		RequesterMessage first = message(received, QuoteTrimmer.trimSignature(received.body().text()));
		RecordedMessage result = TicketFiles.withReceipts(received.files(), () -> this.tickets.open(first));
		this.files.recordWithDamage(result.ticket(), received);
		// routed last, so that the rules also read the text of the files
		this.routing.route(result.ticket());
		record.finish(Outcome.TICKET_CREATED, null, result.ticket().value(), this.clock.instant());
		return Outcome.TICKET_CREATED;
	}

	private static RequesterMessage message(ReceivedMail received, String text) {
		ParsedMail mail = received.mail();
		return new RequesterMessage(mail.sender().address(), mail.sender().name(), received.language(), mail.subject(),
				text, received.id(), TicketNumber.findLegacyReferences(mail.subject()), received.body().text(),
				received.record().mailboxId());
	}

	/**
	 * What the sender may change: only an authenticated author moves a ticket, and only one who answered
	 * to the signed reply address may accept or refuse a solution.
	 */
	private static SenderProof proofOf(SenderAuthentication.Verdict verdict, ThreadResolver.Match thread) {
		if (!verdict.mayAct()) {
			return SenderProof.NONE;
		}
		return thread.rule() == ThreadResolver.Rule.REPLY_TOKEN ? SenderProof.REPLY_ADDRESS : SenderProof.AUTHENTICATED;
	}

	private static String reasonOf(RecordedMessage result, SenderAuthentication.Verdict verdict) {
		return switch (result.action()) {
			case APPENDED -> result.statusKept() ? "STATUS_KEPT: a status change by mail needs "
					+ (verdict.mayAct() ? "the signed reply address" : "proof of the sender: " + verdict.reason()) : null;
			case OPENED_FOLLOW_UP -> "follow-up of closed ticket " + result.followsUp();
			case OPENED -> null;
		};
	}

}
