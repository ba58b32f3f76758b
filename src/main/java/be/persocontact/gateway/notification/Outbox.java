package be.persocontact.gateway.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes mails into the outbox inside the caller's transaction, and hands due mails to the sending
 * route. A claim leases a mail for a while (row locks with SKIP LOCKED), so that several instances
 * never send the same mail at the same time; a mail whose sender died is sent again after the lease,
 * with the same Message-ID, and counted as a re-send.
 */
@Component
public class Outbox {

	private final OutboundMails mails;

	private final NotificationSettings settings;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Outbox(OutboundMails mails, NotificationSettings settings, JdbcTemplate jdbc, Clock clock) {
		this.mails = mails;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Queues a mail; it is sent only if the surrounding transaction commits. {@code ticketId} and
	 * {@code ticketNumber} are null for a mail about no ticket (a notice about a refused mail).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public OutboundMail enqueue(Long ticketId, String kind, String language, String recipient, String subject,
			String ticketNumber, RenderedMail body) {
		String messageId = "<" + (ticketNumber == null ? "" : ticketNumber + ".") + kind + "." + UUID.randomUUID() + "@"
				+ this.settings.messageIdDomain() + ">";
		return this.mails.save(new OutboundMail(messageId, ticketId, kind, language, recipient,
				MailTemplates.oneLine(subject), null, body, this.clock.instant()));
	}

	/** The ticket one of our mails was about, given its Message-ID, if we sent it. */
	@Transactional(readOnly = true)
	public Optional<Long> ticketOfMessageId(String messageId) {
		return this.mails.findByMessageId(messageId).map(OutboundMail::ticketId);
	}

	/** Whether that Message-ID is one of our mails to officers (it carried a queue's reply address). */
	@Transactional(readOnly = true)
	public boolean isMailToOfficers(String messageId) {
		return this.mails.findByMessageId(messageId).map(mail -> mail.replyTo() != null).orElse(false);
	}

	/** Leases up to one batch of due mails and returns their ids. */
	@Transactional
	public List<Long> claimDue() {
		Instant now = this.clock.instant();
		List<Long> ids = this.jdbc.queryForList("SELECT id FROM outbound_mail WHERE status = 'PENDING' "
				+ "AND next_attempt_at <= ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED", Long.class,
				Timestamp.from(now), this.settings.batchSize());
		for (Long id : ids) {
			// More claims than recorded outcomes: an earlier claim ended without a word, maybe after
			// the send. The lost claim counts as an attempt, and this send as a re-send. MariaDB
			// assigns left to right, so resends and attempts still see the old claims.
			this.jdbc.update("UPDATE outbound_mail SET resends = resends + IF(claims > attempts, 1, 0), "
					+ "attempts = GREATEST(attempts, claims), claims = claims + 1, next_attempt_at = ? WHERE id = ?",
					Timestamp.from(now.plus(this.settings.lease())), id);
		}
		return ids;
	}

	@Transactional(readOnly = true)
	public OutboundMail get(Long id) {
		return this.mails.findById(id).orElseThrow(() -> new IllegalArgumentException("No outbound mail " + id));
	}

	@Transactional
	public void markSent(Long id) {
		this.mails.findById(id).ifPresent(mail -> mail.markSent(this.clock.instant()));
	}

	@Transactional
	public void markAttemptFailed(Long id, String error) {
		this.mails.findById(id).ifPresent(mail -> {
			long factor = 1L << Math.min(mail.attempts(), 20);
			Duration backoff = this.settings.initialBackoff().multipliedBy(factor);
			if (backoff.compareTo(this.settings.maxBackoff()) > 0) {
				backoff = this.settings.maxBackoff();
			}
			mail.markAttemptFailed(error, this.clock.instant(), backoff, this.settings.maxAttempts());
		});
	}

}
