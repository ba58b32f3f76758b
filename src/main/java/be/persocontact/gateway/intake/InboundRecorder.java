package be.persocontact.gateway.intake;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a raw message before anything else happens to it, in a transaction of its own, so that a
 * message whose processing fails is never lost. Re-deliveries of the same IMAP message and second
 * copies of the same mail are recognised here.
 */
@Component
class InboundRecorder {

	/** The outcome of recording: the message to process, or the record it duplicates. */
	record Recorded(Long id, boolean duplicate) {
	}

	private final InboundMessages messages;

	private final Clock clock;

	private final org.springframework.jdbc.core.JdbcTemplate jdbc;

	InboundRecorder(InboundMessages messages, Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc) {
		this.messages = messages;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Recorded record(RawMail mail) {
		String dedupKey = MailFingerprint.dedupKey(mail.bytes());
		List<InboundMessage> recorded = this.messages.findByUidOrDedupKey(mail.mailbox(), mail.uidValidity(), mail.uid(),
				dedupKey);
		Optional<InboundMessage> sameUid = recorded.stream().filter(record -> hasUidOf(record, mail)).findFirst();
		if (sameUid.isPresent()) {
			InboundMessage known = sameUid.get();
			if (known.outcome().isFinished()) {
				// committed before, but the mailbox did not hear of it (e.g. crash before the move)
				known.redelivered();
				return new Recorded(known.id(), true);
			}
			return new Recorded(known.id(), false);
		}
		String sha256 = MailFingerprint.sha256(mail.bytes());
		Optional<InboundMessage> sameContent = recorded.stream().filter(record -> dedupKey.equals(record.dedupKey()))
			.findFirst();
		if (sameContent.isPresent()) {
			InboundMessage duplicate = this.messages
				.save(InboundMessage.duplicateOf(sameContent.get(), mail, sha256, this.clock.instant()));
			return new Recorded(duplicate.id(), true);
		}
		try {
			InboundMessage fresh = new InboundMessage(mail, sha256, dedupKey, this.clock.instant());
			describe(fresh, mail);
			InboundMessage stored = this.messages.save(fresh);
			return new Recorded(stored.id(), false);
		}
		catch (DataIntegrityViolationException raced) {
			// another instance recorded the same message a moment ago: the caller retries and finds it
			throw new IllegalStateException("Message recorded concurrently; retrying", raced);
		}
	}

	/**
	 * Records a mail over the size limit by its header block, with the size the server gave; processing
	 * rejects it politely. A re-delivery is recognised like any other.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Recorded recordTooLarge(RawMail headersOnly, long size) {
		Recorded recorded = record(headersOnly);
		if (!recorded.duplicate()) {
			this.messages.findById(recorded.id()).orElseThrow().tooLarge(size);
		}
		return recorded;
	}

	/**
	 * A failed attempt of processing; -1 when the message was finished meanwhile (by another instance),
	 * which is then left as it is.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int recordFailedAttempt(Long id, Throwable failure) {
		InboundMessage message = this.messages.lockById(id).orElseThrow();
		if (message.outcome().isFinished()) {
			return -1;
		}
		return message.recordFailure(failure, this.clock.instant());
	}

	/**
	 * A message that failed for a passing reason is claimed again after this wait, counted on the
	 * database's clock like the claims ({@link RecordedMailClaims}); its claim ends here, not before.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void retryAfter(Long id, java.time.Duration wait) {
		this.jdbc.update("UPDATE inbound_message SET next_attempt_at = DATE_ADD(NOW(6), INTERVAL ? MICROSECOND), "
				+ "claimed_until = NULL WHERE id = ?", wait.toNanos() / 1000, id);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
	public Outcome outcome(Long id) {
		return this.messages.findById(id).orElseThrow().outcome();
	}

	/** Records (once) a mail whose bytes could not be read, keyed by its UID. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Recorded recordUnreadable(RawMail placeholder) {
		Optional<InboundMessage> known = findByUid(placeholder);
		if (known.isPresent()) {
			return new Recorded(known.get().id(), known.get().outcome().isFinished());
		}
		InboundMessage stored = this.messages.save(new InboundMessage(placeholder,
				MailFingerprint.sha256(placeholder.bytes()), null, this.clock.instant()));
		return new Recorded(stored.id(), false);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int recordFailure(Long id, Throwable failure) {
		InboundMessage message = this.messages.findById(id).orElseThrow();
		return message.recordFailure(failure, this.clock.instant());
	}

	/** A failure no retry can fix: recorded with its error and quarantined in one step. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int quarantineUnprocessable(Long id, UnprocessableMail failure) {
		InboundMessage message = this.messages.findById(id).orElseThrow();
		int attempts = message.recordFailure(failure, this.clock.instant());
		message.quarantine(failure.reason().name(), this.clock.instant());
		return attempts;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void quarantine(Long id) {
		this.messages.findById(id).orElseThrow().quarantine(this.clock.instant());
	}

	/**
	 * Who sent it and about what, for the operator's list and the claims' lanes, even if processing fails
	 * later: from the header block only. How the parts were read is added by processing, which reads them.
	 */
	private static void describe(InboundMessage record, RawMail mail) {
		try {
			describe(record, ParsedMail.headersOf(mail.bytes()));
		}
		catch (Exception unparseable) {
			// recorded raw all the same; processing will fail with the reason
		}
	}

	/** Sender, subject and Message-ID as read; with a mail whose parts were read, also how they were. */
	static void describe(InboundMessage record, ParsedMail parsed) {
		SenderAddress sender = parsed.sender();
		record.describe(parsed.messageId(), sender == null ? null : sender.address(), parsed.subject());
		record.readAs(sender == null ? null : sender.source().name(), parsed.structure().summary());
	}

	/** How a mail's parts were read, for a mail whose processing ended in a failure (rolled back). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void describeRead(Long id, ParsedMail parsed) {
		this.messages.findById(id).ifPresent(record -> describe(record, parsed));
	}

	/** Whether the mail came with a whole UID (mailbox, UIDVALIDITY and UID) to be recognised by. */
	private static boolean hasUid(RawMail mail) {
		return mail.mailbox() != null && mail.uidValidity() != null && mail.uid() != null;
	}

	private static boolean hasUidOf(InboundMessage record, RawMail mail) {
		return hasUid(mail) && mail.mailbox().equals(record.mailbox()) && mail.uidValidity().equals(record.uidValidity())
				&& mail.uid().equals(record.uid());
	}

	private Optional<InboundMessage> findByUid(RawMail mail) {
		if (!hasUid(mail)) {
			return Optional.empty();
		}
		return this.messages.findByMailboxAndUidValidityAndUid(mail.mailbox(), mail.uidValidity(), mail.uid());
	}

}
