package be.persocontact.gateway.intake;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import be.persocontact.gateway.attachment.AttachmentManagement;
import be.persocontact.gateway.attachment.IncomingFile;
import be.persocontact.gateway.attachment.MailAttachments;
import be.persocontact.gateway.system.Mailbox;
import be.persocontact.gateway.system.Mailboxes;
import be.persocontact.gateway.ticket.Requester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake of one mail, in two parts that may run on different instances.
 * <ol>
 * <li>{@link #record}: the mailbox's poller stores the raw mail (de-duplicated), and nothing more; once
 * that commits the mail leaves the inbox.</li>
 * <li>{@link #process}: any instance, holding the mail's claim ({@link RecordedMailProcessor}), reads its
 * files (time-limited, outside any transaction), then in one transaction: parse, the ordered checks, an
 * officer's reply, a reply threaded onto its ticket, or a new ticket, with its notifications queued.</li>
 * </ol>
 * A failure is bad input (quarantined at once) or passing (tried again later, then quarantined):
 * {@link IntakeFailures}.
 */
@Service
public class MailIntake {

	private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

	/** What a mail may still be when it is processed: a message finished meanwhile is left alone. */
	private static final Set<Outcome> UNFINISHED = Set.of(Outcome.RECEIVED, Outcome.FAILED);

	private static final Set<Outcome> REPLAYABLE = Set.of(Outcome.QUARANTINED, Outcome.FAILED);

	private final InboundRecorder recorder;

	private final InboundMessages messages;

	private final IntakeChain chain;

	private final ThreadResolver threads;

	private final SenderAuthentication authentication;

	private final AttachmentManagement attachments;

	private final MachineMailNotes machineMail;

	private final OfficerMail officerMail;

	private final TicketMessages ticketMessages;

	private final OversizedMail oversized;

	private final IntakeFailures failures;

	private final IntakeSettings settings;

	private final TransactionTemplate transaction;

	private final Mailboxes mailboxes;

	private final IntakeMetrics metrics;

	private final StoredMails stored;

	private final LargeMails largeMails;

	MailIntake(InboundRecorder recorder, InboundMessages messages, IntakeChain chain, ThreadResolver threads,
			SenderAuthentication authentication, AttachmentManagement attachments, MachineMailNotes machineMail,
			OfficerMail officerMail, TicketMessages ticketMessages, OversizedMail oversized, IntakeFailures failures,
			IntakeSettings settings, TransactionTemplate transaction, IntakeMetrics metrics, Mailboxes mailboxes,
			StoredMails stored, LargeMails largeMails) {
		this.mailboxes = mailboxes;
		this.stored = stored;
		this.largeMails = largeMails;
		this.metrics = metrics;
		this.recorder = recorder;
		this.messages = messages;
		this.chain = chain;
		this.threads = threads;
		this.authentication = authentication;
		this.attachments = attachments;
		this.machineMail = machineMail;
		this.officerMail = officerMail;
		this.ticketMessages = ticketMessages;
		this.oversized = oversized;
		this.failures = failures;
		this.settings = settings;
		this.transaction = transaction;
	}

	/** The poller's part: the raw mail is stored (once), to be processed by any instance. */
	public Disposition record(RawMail mail) {
		InboundRecorder.Recorded recorded = this.recorder.record(mail);
		if (recorded.duplicate()) {
			this.metrics.committed(recorded.id(), Outcome.DUPLICATE);
			log.info("Inbound message {} is a duplicate; nothing new done", recorded.id());
		}
		return Disposition.DONE;
	}

	/** A mail over the size limit, handed over as its header block only, with the size the server gave. */
	public Disposition recordTooLarge(RawMail headersOnly, long size) {
		this.recorder.recordTooLarge(headersOnly, size);
		return Disposition.DONE;
	}

	/**
	 * A mail the server would not hand over stays in the inbox: it is counted by its UID like any failure,
	 * and moved to the quarantine folder after {@code max-attempts} instead of being polled forever.
	 */
	public Disposition receiveUnreadable(String mailbox, String mailboxId, Long uidValidity, long uid,
			Exception error) {
		return this.failures.unreadable(mailbox, mailboxId, uidValidity, uid, error);
	}

	/** Records and processes a mail on this thread, as the poller and a processor would one after the other. */
	public Disposition receive(RawMail mail) {
		InboundRecorder.Recorded recorded = this.recorder.record(mail);
		if (recorded.duplicate()) {
			return Disposition.DONE;
		}
		Outcome outcome = process(recorded.id());
		return outcome == Outcome.QUARANTINED ? Disposition.QUARANTINE
				: outcome == Outcome.FAILED ? Disposition.RETRY_LATER : Disposition.DONE;
	}

	/**
	 * A mail quarantined at its claim because its processing ended {@code unfinished} times without a
	 * result: counted and logged like every outcome.
	 */
	public void abandoned(long id, int unfinished) {
		this.metrics.committed(id, Outcome.QUARANTINED);
		log.error("Inbound message {} is quarantined: its processing ended {} times without a result (the instance "
				+ "was stopped or ran out of memory on it); the operator can replay it", id, unfinished);
	}

	/** Processes a recorded mail, once: its outcome, or FAILED when it is to be tried again. */
	public Outcome process(long id) {
		return counted(id, () -> {
			InboundMessage known = this.messages.peekById(id).orElseThrow();
			// finished meanwhile, by another instance
			return UNFINISHED.contains(known.outcome()) ? processStored(id, UNFINISHED, known.declaredSize())
					: known.outcome();
		});
	}

	/**
	 * As {@link #process(long)}, for a mail a claim has just found unfinished: what the claim read is not
	 * read again (the lock in the ticket transaction still has the last word on whether it is finished).
	 * @param declaredSize the size the server declared for a mail recorded by its header block only, else null
	 */
	Outcome processClaimed(long id, Long declaredSize) {
		return counted(id, () -> processStored(id, UNFINISHED, declaredSize));
	}

	private Outcome counted(long id, java.util.function.Supplier<Outcome> processing) {
		try (IntakeMetrics.Scope logged = this.metrics.processing(id)) {
			Outcome outcome;
			try {
				outcome = processing.get();
				this.metrics.committed(id, outcome);
				log.info("Inbound message {} processed: {}", id, outcome);
			}
			catch (RuntimeException failure) {
				outcome = this.failures.failed(id, failure);
				this.metrics.committed(id, outcome);
			}
			return outcome;
		}
	}

	/**
	 * Processes a stored message again from its raw bytes, for an operator: a quarantined or failed
	 * message, once its cause is fixed. Nothing is fetched from the mailbox.
	 */
	public Outcome replay(long id) {
		InboundMessage record = this.messages.findById(id)
			.orElseThrow(() -> new IllegalArgumentException("No inbound message " + id));
		if (!REPLAYABLE.contains(record.outcome())) {
			throw new IllegalStateException("Only a quarantined or failed message can be replayed; this one is "
					+ record.outcome());
		}
		if (record.rawPurgedAt() != null) {
			throw new IllegalStateException("Message " + id + " was removed on " + record.rawPurgedAt()
					+ " (retention or erasure); nothing stored to replay");
		}
		long size = this.stored.length(id);
		if (size == 0) {
			throw new IllegalStateException("Message " + id + " was never readable; nothing stored to replay");
		}
		// processed like any mail: a large one when no other large mail is in memory here
		try (LargeMails.Permit inMemory = this.largeMails.enter(size)) {
			return processStored(id, REPLAYABLE, record.declaredSize());
		}
		catch (RuntimeException failure) {
			this.failures.replayFailed(id, failure);
			throw failure;
		}
	}

	/** Mail larger than this is recorded by its headers only. */
	public long maxMessageBytes() {
		return this.settings.maxMessageSize().toBytes();
	}

	/**
	 * @param from the outcomes the mail is processed from, checked under lock
	 * @param declaredSize the size the server declared for a mail recorded by its header block only, else null
	 */
	private Outcome processStored(long id, Set<Outcome> from, Long declaredSize) {
		if (declaredSize != null) {
			return this.transaction.execute(status -> {
				InboundMessage record = this.messages.lockById(id).orElseThrow();
				return from.contains(record.outcome()) ? this.oversized.reject(record, record.declaredSize())
						: record.outcome();
			});
		}
		// read once, for its files and its text (a recorded mail's bytes never change)
		ParsedMail mail;
		try {
			mail = ParsedMail.parse(this.stored.of(id));
		}
		catch (RuntimeException unparseable) {
			throw UnprocessableMail.unparseable("mail", unparseable);
		}
		try {
			// files are read (time-limited) before the ticket transaction, stored inside it
			AttachmentManagement.Inspection files = this.attachments.inspect(filesOf(mail));
			return this.transaction.execute(status -> {
				// the row stays locked until commit: of two instances that both hold the mail, one finishes it
				InboundMessage record = this.messages.lockById(id).orElseThrow();
				return from.contains(record.outcome()) ? intake(record, mail, files) : record.outcome();
			});
		}
		catch (RuntimeException failure) {
			// how the mail was read is worth most on a mail that failed: kept although the intake rolled back
			if (mail.structure().summary() != null) {
				try {
					this.recorder.describeRead(id, mail);
				}
				catch (RuntimeException alsoFailed) {
					failure.addSuppressed(alsoFailed); // the database is away: the failure itself is what counts
				}
			}
			throw failure;
		}
	}

	/** The order of intake, inside the ticket transaction. */
	private Outcome intake(InboundMessage record, ParsedMail mail, AttachmentManagement.Inspection files) {
		// recording read the header block only: now also how the parts were read, for the operator
		InboundRecorder.describe(record, mail);
		MailText.Body body;
		try {
			body = mail.body();
		}
		catch (Exception unparseable) {
			throw UnprocessableMail.unparseable("mail", unparseable);
		}
		// 1. the checks: machine mail, our own mail, withdrawn reply addresses, unauthenticated mail…
		if (this.chain.run(mail) instanceof IntakeCheck.Stop stop) {
			return this.machineMail.finish(record, stop, mail);
		}
		// 2. a sender to answer
		if (mail.sender() == null) {
			throw UnprocessableMail.noSender(mail);
		}
		ReceivedMail received = new ReceivedMail(record, mail, body,
				languageOf(mail, this.mailboxes.orPrimary(record.mailboxId())), files,
				this.authentication.judge(mail));
		String replyText = QuoteTrimmer.trim(body.text(), mail.subject());
		// 3. an officer's reply to a queue notification
		Outcome officer = this.officerMail.handle(received, replyText);
		if (officer != null) {
			return officer;
		}
		// 4. a reply to a ticket, 5. or a new ticket
		Optional<ThreadResolver.Match> thread = this.threads.resolve(mail);
		return thread.isPresent() ? this.ticketMessages.append(received, thread.get(), replyText)
				: this.ticketMessages.open(received);
	}

	/** Reading the same bytes fails the same way every time: bad input, quarantined, never retried. */
	private static List<IncomingFile> filesOf(ParsedMail mail) {
		try {
			return MailAttachments.from(mail.content());
		}
		catch (RuntimeException unreadable) {
			throw UnprocessableMail.unparseable("attachments", unreadable);
		}
	}

	/** The language the mail declares, else that of the mailbox it came in on. */
	static String languageOf(ParsedMail mail, Mailbox mailbox) {
		String declared = mail.contentLanguage();
		return declared != null && Requester.LANGUAGES.contains(declared) ? declared : mailbox.defaultLanguage();
	}

}
