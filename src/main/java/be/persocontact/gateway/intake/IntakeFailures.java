package be.persocontact.gateway.intake;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What a failed intake leaves: bad input ({@link UnprocessableMail}) is quarantined at once, since a
 * retry would fail the same way; a passing fault (database, IO) is tried again after a wait that doubles
 * per attempt, and quarantined after {@code gateway.intake.max-attempts}. Quarantined means held in the
 * database for an operator ({@code /api/ops/inbound?outcome=QUARANTINED}, replay).
 */
@Component
class IntakeFailures {

	private static final Logger log = LoggerFactory.getLogger(IntakeFailures.class);

	private final InboundRecorder recorder;

	private final IntakeSettings settings;

	private final IntakeProcessingSettings processing;

	private final Clock clock;

	IntakeFailures(InboundRecorder recorder, IntakeSettings settings, IntakeProcessingSettings processing,
			Clock clock) {
		this.recorder = recorder;
		this.settings = settings;
		this.processing = processing;
		this.clock = clock;
	}

	/** Records a failed processing: QUARANTINED, or FAILED when it will be tried again. */
	Outcome failed(Long id, RuntimeException failure) {
		if (failure instanceof UnprocessableMail unprocessable) {
			this.recorder.quarantineUnprocessable(id, unprocessable);
			log.warn("Inbound message {} cannot be processed ({}) and is quarantined: {}", id, unprocessable.reason(),
					unprocessable.getMessage());
			return Outcome.QUARANTINED;
		}
		int attempts = this.recorder.recordFailedAttempt(id, failure);
		if (attempts < 0) {
			log.info("Inbound message {} failed here but was finished by another instance meanwhile: {}", id,
					failure.toString());
			return this.recorder.outcome(id);
		}
		if (attempts >= this.settings.maxAttempts()) {
			this.recorder.quarantine(id);
			log.error("Inbound message {} failed {} times and is quarantined", id, attempts, failure);
			return Outcome.QUARANTINED;
		}
		Duration wait = this.processing.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 16));
		this.recorder.retryAfter(id, wait);
		log.warn("Inbound message {} failed (attempt {} of {}); it will be tried again in {}", id, attempts,
				this.settings.maxAttempts(), wait, failure);
		return Outcome.FAILED;
	}

	/** A replay that failed leaves the message held for the operator, with its new error. */
	void replayFailed(Long id, RuntimeException failure) {
		if (failure instanceof UnprocessableMail unprocessable) {
			this.recorder.quarantineUnprocessable(id, unprocessable);
			return;
		}
		this.recorder.recordFailure(id, failure);
		this.recorder.quarantine(id);
	}

	/** See {@link MailIntake#receiveUnreadable}. */
	Disposition unreadable(String mailbox, String mailboxId, Long uidValidity, long uid, Exception error) {
		InboundRecorder.Recorded recorded = this.recorder.recordUnreadable(new RawMail(mailbox, uidValidity, uid,
				new byte[0], mailboxId));
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

}
