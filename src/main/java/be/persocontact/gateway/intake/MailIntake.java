package be.persocontact.gateway.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import be.persocontact.gateway.attachment.AttachmentManagement;
import be.persocontact.gateway.attachment.AttachmentReceipt;
import be.persocontact.gateway.attachment.IncomingFile;
import be.persocontact.gateway.attachment.MailAttachmentReceipts;
import be.persocontact.gateway.attachment.MailAttachments;
import be.persocontact.gateway.queue.OfficerReplies;
import be.persocontact.gateway.queue.TicketRouting;
import be.persocontact.gateway.ticket.RecordedMessage;
import be.persocontact.gateway.ticket.Requester;
import be.persocontact.gateway.ticket.RequesterMessage;
import be.persocontact.gateway.ticket.SenderProof;
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

	private final ThreadResolver threads;

	private final FailingAddresses failingAddresses;

	private final RejectionNotices notices;

	private final AttachmentManagement attachments;

	private final TicketManagement tickets;

	private final IntakeSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final OfficerReplies officers;

	private final TicketRouting routing;

	private final SenderAuthentication authentication;

	private final AppendLimits appendLimits;

	private final IntakeMetrics metrics;

	MailIntake(InboundRecorder recorder, InboundMessages messages, IntakeChain chain, ThreadResolver threads,
			FailingAddresses failingAddresses, RejectionNotices notices, AttachmentManagement attachments,
			TicketManagement tickets, IntakeSettings settings, TransactionTemplate transaction, Clock clock,
			OfficerReplies officers, TicketRouting routing, SenderAuthentication authentication,
			AppendLimits appendLimits, IntakeMetrics metrics) {
		this.metrics = metrics;
		this.appendLimits = appendLimits;
		this.officers = officers;
		this.routing = routing;
		this.authentication = authentication;
		this.attachments = attachments;
		this.recorder = recorder;
		this.messages = messages;
		this.chain = chain;
		this.threads = threads;
		this.failingAddresses = failingAddresses;
		this.notices = notices;
		this.tickets = tickets;
		this.settings = settings;
		this.transaction = transaction;
		this.clock = clock;
	}

	public Disposition receive(RawMail mail) {
		InboundRecorder.Recorded recorded = this.recorder.record(mail);
		try (IntakeMetrics.Scope logged = this.metrics.processing(recorded.id())) {
			return receiveRecorded(recorded, mail);
		}
	}

	private Disposition receiveRecorded(InboundRecorder.Recorded recorded, RawMail mail) {
		if (recorded.duplicate()) {
			this.metrics.committed(recorded.id(), Outcome.DUPLICATE);
			log.info("Inbound message {} is a duplicate; nothing new done", recorded.id());
			return Disposition.DONE;
		}
		try {
			// files are read (time-limited) before the ticket transaction, stored inside it
			AttachmentManagement.Inspection files = this.attachments.inspect(filesOf(mail.bytes()));
			Outcome outcome = this.transaction.execute(status -> process(recorded.id(), files));
			this.metrics.committed(recorded.id(), outcome);
			log.info("Inbound message {} processed: {}", recorded.id(), outcome);
			return outcome == Outcome.QUARANTINED ? Disposition.QUARANTINE : Disposition.DONE;
		}
		catch (RuntimeException failure) {
			return failed(recorded.id(), failure);
		}
	}

	/** Reading the same bytes fails the same way every time: bad input, quarantined, never retried. */
	private static List<IncomingFile> filesOf(byte[] raw) {
		try {
			return MailAttachments.from(raw);
		}
		catch (RuntimeException unreadable) {
			throw UnprocessableMail.unparseable("attachments", unreadable);
		}
	}

	private Disposition failed(Long id, RuntimeException failure) {
		if (failure instanceof UnprocessableMail unprocessable) {
			// bad input: a retry would fail the same way, so it is held for an operator at once
			this.recorder.quarantineUnprocessable(id, unprocessable);
			this.metrics.committed(id, Outcome.QUARANTINED);
			log.warn("Inbound message {} cannot be processed ({}) and is quarantined: {}", id,
					unprocessable.reason(), unprocessable.getMessage());
			return Disposition.QUARANTINE;
		}
		int attempts = this.recorder.recordFailure(id, failure);
		if (attempts >= this.settings.maxAttempts()) {
			this.recorder.quarantine(id);
			this.metrics.committed(id, Outcome.QUARANTINED);
			log.error("Inbound message {} failed {} times and is quarantined", id, attempts, failure);
			return Disposition.QUARANTINE;
		}
		this.metrics.committed(id, Outcome.FAILED);
		log.warn("Inbound message {} failed (attempt {} of {}); it will be tried again", id, attempts,
				this.settings.maxAttempts(), failure);
		return Disposition.RETRY_LATER;
	}

	/**
	 * Processes a stored message again from its raw bytes, for an operator: a quarantined or failed
	 * message, once its cause is fixed. Nothing is fetched from the mailbox.
	 */
	public Outcome replay(long id) {
		InboundMessage record = this.messages.findById(id)
			.orElseThrow(() -> new IllegalArgumentException("No inbound message " + id));
		if (record.outcome() != Outcome.QUARANTINED && record.outcome() != Outcome.FAILED) {
			throw new IllegalStateException("Only a quarantined or failed message can be replayed; this one is "
					+ record.outcome());
		}
		if (record.rawPurgedAt() != null) {
			throw new IllegalStateException("Message " + id + " was removed on " + record.rawPurgedAt()
					+ " (retention or erasure); nothing stored to replay");
		}
		if (record.raw().length == 0) {
			throw new IllegalStateException("Message " + id + " was never readable; nothing stored to replay");
		}
		try {
			AttachmentManagement.Inspection files = this.attachments.inspect(filesOf(record.raw()));
			return this.transaction.execute(status -> process(id, files));
		}
		catch (UnprocessableMail unprocessable) {
			this.recorder.quarantineUnprocessable(id, unprocessable);
			throw unprocessable;
		}
		catch (RuntimeException failure) {
			this.recorder.recordFailure(id, failure);
			this.recorder.quarantine(id);
			throw failure;
		}
	}

	/** Mail larger than this is recorded by its headers only. */
	public long maxMessageBytes() {
		return this.settings.maxMessageSize().toBytes();
	}

	/**
	 * A mail over the size limit, handed over as its header block only: recorded and rejected politely
	 * (at most once a day per sender), unless a machine sent it, which is never answered.
	 */
	public Disposition receiveTooLarge(RawMail headersOnly, long size) {
		InboundRecorder.Recorded recorded = this.recorder.record(headersOnly);
		if (recorded.duplicate()) {
			return Disposition.DONE;
		}
		try {
			Outcome outcome = this.transaction.execute(status -> {
				InboundMessage record = this.messages.findById(recorded.id()).orElseThrow();
				ParsedMail mail;
				try {
					mail = ParsedMail.parse(record.raw());
				}
				catch (Exception ex) {
					throw UnprocessableMail.unparseable("headers", ex);
				}
				if (this.chain.run(mail) instanceof IntakeCheck.Stop stop) {
					record.finish(stop.outcome(), stop.reason() + "; " + size + " bytes", null, this.clock.instant());
					return stop.outcome();
				}
				String reason = size + " bytes, more than " + this.settings.maxMessageSize();
				if (mail.sender() != null) {
					this.notices.notifyOnce(mail.sender().address(), languageOf(mail), Outcome.REJECTED_TOO_LARGE,
							mail.subject());
				}
				record.finish(Outcome.REJECTED_TOO_LARGE, reason, null, this.clock.instant());
				return Outcome.REJECTED_TOO_LARGE;
			});
			this.metrics.committed(recorded.id(), outcome);
			return outcome == Outcome.QUARANTINED ? Disposition.QUARANTINE : Disposition.DONE;
		}
		catch (RuntimeException failure) {
			return failed(recorded.id(), failure);
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
		this.metrics.committed(recorded.id(), attempts >= this.settings.maxAttempts() ? Outcome.QUARANTINED
				: Outcome.FAILED);
		if (attempts >= this.settings.maxAttempts()) {
			this.recorder.quarantine(recorded.id());
			log.error("Mail UID {} in {} could not be read {} times and is quarantined", uid, mailbox, attempts, error);
			return Disposition.QUARANTINE;
		}
		log.warn("Mail UID {} in {} could not be read (attempt {}): {}", uid, mailbox, attempts, error.toString());
		return Disposition.RETRY_LATER;
	}

	private Outcome process(Long id, AttachmentManagement.Inspection files) {
		InboundMessage record = this.messages.findById(id).orElseThrow();
		ParsedMail mail;
		MailText.Body body;
		try {
			mail = ParsedMail.parse(record.raw());
			body = mail.body();
		}
		catch (Exception unparseable) {
			throw UnprocessableMail.unparseable("mail", unparseable);
		}

		IntakeCheck.Decision decision = this.chain.run(mail);
		if (decision instanceof IntakeCheck.Stop stop) {
			String related = recordMachineReport(stop, mail, id);
			record.finish(stop.outcome(), stop.reason(), related, this.clock.instant());
			return stop.outcome();
		}
		SenderAddress sender = mail.sender();
		if (sender == null) {
			throw UnprocessableMail.noSender(mail);
		}

		String language = languageOf(mail);
		String replyText = QuoteTrimmer.trim(body.text(), mail.subject());
		SenderAuthentication.Verdict verdict = this.authentication.judge(mail);
		Outcome officerOutcome = officerReply(record, mail, replyText, files, language, verdict);
		if (officerOutcome != null) {
			return officerOutcome;
		}
		Optional<ThreadResolver.Match> thread = this.threads.resolve(mail);
		if (thread.isPresent()) {
			Optional<String> limited = this.appendLimits.exceeded(mail.fromAddress(), thread.get().ticket());
			if (limited.isPresent()) {
				this.notices.notifyOnce(mail.fromAddress(), language, Outcome.REJECTED_RATE_LIMITED, mail.subject());
				record.finish(Outcome.REJECTED_RATE_LIMITED, limited.get(), thread.get().ticket().value(),
						this.clock.instant());
				return Outcome.REJECTED_RATE_LIMITED;
			}
			RequesterMessage reply = message(mail, language, replyText, body.text(), id);
			SenderProof proof = proofOf(verdict, thread.get());
			RecordedMessage result = withReceipts(files,
					() -> this.tickets.append(thread.get().ticket(), reply, proof));
			recordAttachments(result.ticket(), files, language, record.id());
			noteDamage(result.ticket(), mail, id);
			if (result.action() == RecordedMessage.Action.OPENED_FOLLOW_UP) {
				this.routing.route(result.ticket());
			}
			Outcome outcome = result.action() == RecordedMessage.Action.APPENDED ? Outcome.APPENDED
					: Outcome.TICKET_CREATED;
			record.finish(outcome, reasonOf(result, verdict), result.ticket().value(), this.clock.instant());
			record.threadedBy(thread.get().rule().name());
			return outcome;
		}
		Instant windowStart = this.clock.instant().minus(this.settings.rateWindow());
		if (this.tickets.countOpenedSince(sender.address(), windowStart) >= this.settings.newTicketsPerSender()) {
			this.notices.notifyOnce(sender.address(), language, Outcome.REJECTED_RATE_LIMITED, mail.subject());
			record.finish(Outcome.REJECTED_RATE_LIMITED, "more than " + this.settings.newTicketsPerSender()
					+ " new tickets in " + this.settings.rateWindow(), null, this.clock.instant());
			return Outcome.REJECTED_RATE_LIMITED;
		}
		RequesterMessage first = message(mail, language, QuoteTrimmer.trimSignature(body.text()), body.text(), id);
		RecordedMessage result = withReceipts(files, () -> this.tickets.open(first));
		recordAttachments(result.ticket(), files, language, record.id());
		noteDamage(result.ticket(), mail, id);
		// routed last, so that the rules also read the text of the files
		this.routing.route(result.ticket());
		record.finish(Outcome.TICKET_CREATED, null, result.ticket().value(), this.clock.instant());
		return Outcome.TICKET_CREATED;
	}

	/**
	 * A mail to an officer's reply address (a token bound to a ticket and a queue) is an officer's reply:
	 * carried out, refused with a word to the officer, or held for review when it is not to be trusted.
	 * Null when the mail is not for officers.
	 */
	private Outcome officerReply(InboundMessage record, ParsedMail mail, String replyText,
			AttachmentManagement.Inspection files, String language, SenderAuthentication.Verdict verdict) {
		OfficerReplies.Result result = this.officers.handle(new OfficerReplies.OfficerMail(mail.fromAddress(),
				mail.recipientAddresses(), mail.referencedMessageIds(), replyText, record.id()),
				verdict.mayAct() ? OfficerReplies.Authorship.provenSender()
						: OfficerReplies.Authorship.unproven(verdict.reason()));
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
					if (!files.receipts().isEmpty()) {
						this.tickets.addInternalNote(number, mail.fromAddress(), files.receipts().size()
								+ " file(s) of this note are kept with the officer's mail (inbound message " + record.id()
								+ "), not with the ticket", record.id());
					}
				}
				else {
					// files an officer attaches are the ticket's, and go with the mail this reply causes
					recordAttachments(number, files, language, record.id());
				}
				record.finish(Outcome.APPENDED, result.reason(), result.ticket(), now);
				record.threadedBy(OFFICER_REPLY);
				return Outcome.APPENDED;
			}
		}
	}

	/** The threading rule recorded for an officer's reply. */
	static final String OFFICER_REPLY = "OFFICER_REPLY_TOKEN";

	/** The acknowledgement written while the ticket opens lists every file with its receipt. */
	private static RecordedMessage withReceipts(AttachmentManagement.Inspection files,
			java.util.function.Supplier<RecordedMessage> recording) {
		MailAttachmentReceipts.bind(files.receipts());
		try {
			return recording.get();
		}
		finally {
			MailAttachmentReceipts.unbind();
		}
	}

	/** Stores the accepted files with the ticket and notes every file's receipt on its timeline. */
	private void recordAttachments(TicketNumber number, AttachmentManagement.Inspection files, String language,
			Long inboundMessageId) {
		if (files.receipts().isEmpty()) {
			return;
		}
		long ticketId = this.tickets.find(number).orElseThrow().id();
		java.util.Locale locale = java.util.Locale.forLanguageTag(language);
		StringBuilder note = new StringBuilder();
		for (AttachmentReceipt receipt : this.attachments.record(files, ticketId, inboundMessageId)) {
			note.append(receipt.name()).append(": ").append(this.attachments.describe(receipt, locale)).append('\n');
		}
		this.tickets.recordSystemNote(ticketId, note.toString().strip());
	}

	/**
	 * A machine's mail about one of ours goes on that ticket's timeline as a system entry; a permanent
	 * bounce of our mail to that very address counts against it. Nothing is ever sent in answer.
	 */
	private String recordMachineReport(IntakeCheck.Stop stop, ParsedMail mail, Long inboundMessageId) {
		java.util.List<String> failed = this.failingAddresses.recordReport(stop.report(), inboundMessageId);
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

	private RequesterMessage message(ParsedMail mail, String language, String text, String received, Long id) {
		return new RequesterMessage(mail.sender().address(), mail.sender().name(), language, mail.subject(), text, id,
				TicketNumber.findLegacyReferences(mail.subject()), received);
	}

	/** A mail read only in part says so on its ticket: what is shown may not be all the sender wrote. */
	private void noteDamage(TicketNumber number, ParsedMail mail, Long inboundMessageId) {
		if (mail.structure().damaged()) {
			this.tickets.noteDamagedMail(number, mail.structure().damageSummary(), inboundMessageId);
		}
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

	private String reasonOf(RecordedMessage result, SenderAuthentication.Verdict verdict) {
		return switch (result.action()) {
			case APPENDED -> result.statusKept() ? "STATUS_KEPT: a status change by mail needs "
					+ (verdict.mayAct() ? "the signed reply address" : "proof of the sender: " + verdict.reason()) : null;
			case OPENED_FOLLOW_UP -> "follow-up of closed ticket " + result.followsUp();
			case OPENED -> null;
		};
	}

	private String languageOf(ParsedMail mail) {
		String declared = mail.contentLanguage();
		return declared != null && Requester.LANGUAGES.contains(declared) ? declared : this.settings.defaultLanguage();
	}

}
