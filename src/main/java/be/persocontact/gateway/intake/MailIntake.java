package be.persocontact.gateway.intake;

import java.time.Clock;
import java.util.List;

import be.persocontact.gateway.ticket.RecordedMessage;
import be.persocontact.gateway.ticket.Requester;
import be.persocontact.gateway.ticket.RequesterMessage;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake of one mail: record it raw, run the checks, thread it, and create or update its ticket
 * and queue its notifications in one transaction. Only after that transaction commits does the
 * caller move the mail out of the inbox.
 */
@Service
public class MailIntake {

	private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

	private final InboundRecorder recorder;

	private final InboundMessages messages;

	private final IntakeChain chain;

	private final TicketManagement tickets;

	private final IntakeSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	MailIntake(InboundRecorder recorder, InboundMessages messages, IntakeChain chain, TicketManagement tickets,
			IntakeSettings settings, TransactionTemplate transaction, Clock clock) {
		this.recorder = recorder;
		this.messages = messages;
		this.chain = chain;
		this.tickets = tickets;
		this.settings = settings;
		this.transaction = transaction;
		this.clock = clock;
	}

	public Disposition receive(RawMail mail) {
		InboundRecorder.Recorded recorded = this.recorder.record(mail);
		if (recorded.duplicate()) {
			log.info("Inbound message {} is a duplicate; nothing new done", recorded.id());
			return Disposition.DONE;
		}
		try {
			Outcome outcome = this.transaction.execute(status -> process(recorded.id()));
			log.info("Inbound message {} processed: {}", recorded.id(), outcome);
			return Disposition.DONE;
		}
		catch (RuntimeException failure) {
			int attempts = this.recorder.recordFailure(recorded.id(), failure);
			if (attempts >= this.settings.maxAttempts()) {
				this.recorder.quarantine(recorded.id());
				log.error("Inbound message {} failed {} times and is quarantined", recorded.id(), attempts, failure);
				return Disposition.QUARANTINE;
			}
			log.warn("Inbound message {} failed (attempt {} of {}); it will be tried again", recorded.id(), attempts,
					this.settings.maxAttempts(), failure);
			return Disposition.RETRY_LATER;
		}
	}

	/**
	 * A mail the server would not hand over. Counted by its UID like any failure, so that it ends in
	 * quarantine instead of being polled forever.
	 */
	public Disposition receiveUnreadable(String mailbox, Long uidValidity, long uid, Exception error) {
		InboundRecorder.Recorded recorded = this.recorder.recordUnreadable(new RawMail(mailbox, uidValidity, uid,
				new byte[0]));
		if (recorded.duplicate()) {
			return Disposition.DONE;
		}
		int attempts = this.recorder.recordFailure(recorded.id(), error);
		if (attempts >= this.settings.maxAttempts()) {
			this.recorder.quarantine(recorded.id());
			log.error("Mail UID {} in {} could not be read {} times and is quarantined", uid, mailbox, attempts, error);
			return Disposition.QUARANTINE;
		}
		log.warn("Mail UID {} in {} could not be read (attempt {}): {}", uid, mailbox, attempts, error.toString());
		return Disposition.RETRY_LATER;
	}

	private Outcome process(Long id) {
		InboundMessage record = this.messages.findById(id).orElseThrow();
		ParsedMail mail;
		String body;
		try {
			mail = ParsedMail.parse(record.raw());
			body = mail.bodyText();
		}
		catch (Exception unparseable) {
			throw new IllegalStateException("Unparseable mail: " + unparseable.getMessage(), unparseable);
		}

		IntakeCheck.Decision decision = this.chain.run(mail);
		if (decision instanceof IntakeCheck.Stop stop) {
			record.finish(stop.outcome(), stop.reason(), null, this.clock.instant());
			return stop.outcome();
		}
		if (mail.fromAddress() == null) {
			throw new IllegalStateException("No usable From address");
		}

		RequesterMessage message = new RequesterMessage(mail.fromAddress(), mail.fromName(), languageOf(mail),
				mail.subject(), body, id, TicketNumber.findLegacyReferences(mail.subject()));
		RecordedMessage result = thread(mail, message);
		Outcome outcome = result.action() == RecordedMessage.Action.APPENDED ? Outcome.APPENDED
				: Outcome.TICKET_CREATED;
		record.finish(outcome, reasonOf(result), result.ticket().value(), this.clock.instant());
		return outcome;
	}

	/**
	 * A ticket number in the subject threads the mail only when the sender takes part in that ticket:
	 * quoting a number must never put anyone into a stranger's HR case.
	 */
	private RecordedMessage thread(ParsedMail mail, RequesterMessage message) {
		List<TicketNumber> referenced = TicketNumber.findIn(mail.subject());
		for (TicketNumber number : referenced) {
			if (this.tickets.isParticipant(number, mail.fromAddress())) {
				return this.tickets.append(number, message);
			}
		}
		return this.tickets.open(message);
	}

	private String reasonOf(RecordedMessage result) {
		return switch (result.action()) {
			case APPENDED -> "subject reference from a participant";
			case OPENED_FOLLOW_UP -> "follow-up of closed ticket " + result.followsUp();
			case OPENED -> null;
		};
	}

	private String languageOf(ParsedMail mail) {
		String declared = mail.contentLanguage();
		return declared != null && Requester.LANGUAGES.contains(declared) ? declared : this.settings.defaultLanguage();
	}

}
