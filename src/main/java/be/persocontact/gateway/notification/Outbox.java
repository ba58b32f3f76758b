package be.persocontact.gateway.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import be.persocontact.gateway.ticket.TicketManagement;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes mails into the outbox inside the caller's transaction, and hands due mails to the sending
 * route. A claim leases a mail for a while (row locks with SKIP LOCKED), so that several instances
 * never send the same mail at the same time; a mail whose sender died is sent again after the lease,
 * with the same Message-ID, and counted as a re-send. A mail to an address marked failing (our own mails
 * to it bounced for good) is held instead of sent: recorded on the mail and on its ticket's timeline.
 */
@Component
public class Outbox {

	private final OutboundMails mails;

	private final NotificationSettings settings;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ObjectProvider<UndeliverableAddresses> undeliverable;

	private final TicketManagement tickets;

	private final OutboxMetrics metrics;

	Outbox(OutboundMails mails, NotificationSettings settings, JdbcTemplate jdbc, Clock clock,
			ObjectProvider<UndeliverableAddresses> undeliverable, TicketManagement tickets, OutboxMetrics metrics) {
		this.metrics = metrics;
		this.mails = mails;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
		this.undeliverable = undeliverable;
		this.tickets = tickets;
	}

	/**
	 * Queues a mail; it is sent only if the surrounding transaction commits. {@code ticketId} and
	 * {@code ticketNumber} are null for a mail about no ticket (a notice about a refused mail).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public OutboundMail enqueue(Long ticketId, String kind, String language, String recipient, String subject,
			String ticketNumber, RenderedMail body) {
		return enqueue(ticketId, kind, language, recipient, subject, ticketNumber, body, mail -> {
		});
	}

	/**
	 * As {@link #enqueue(Long, String, String, String, String, String, RenderedMail)}, with what the caller
	 * sets on the mail (its Reply-To, its files) set before it is written: one INSERT, not an INSERT and an
	 * UPDATE.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	OutboundMail enqueue(Long ticketId, String kind, String language, String recipient, String subject,
			String ticketNumber, RenderedMail body, Consumer<OutboundMail> before) {
		String messageId = "<" + (ticketNumber == null ? "" : ticketNumber + ".") + kind + "." + UUID.randomUUID() + "@"
				+ this.settings.messageIdDomain() + ">";
		OutboundMail mail = new OutboundMail(messageId, ticketId, kind, language, recipient,
				MailTemplates.oneLine(subject), null, body, this.clock.instant());
		before.accept(mail);
		return this.mails.save(mail);
	}

	/** The ticket one of our mails was about, given its Message-ID, if we sent it. */
	@Transactional(readOnly = true)
	public Optional<Long> ticketOfMessageId(String messageId) {
		return this.mails.findByMessageId(messageId).map(OutboundMail::ticketId);
	}

	/** The address one of our mails went to, given its Message-ID, if we sent it. */
	@Transactional(readOnly = true)
	public Optional<String> recipientOf(String messageId) {
		return this.mails.findByMessageId(messageId).map(OutboundMail::recipient);
	}

	/** Whether that Message-ID is one of our mails to officers (it carried a queue's reply address). */
	@Transactional(readOnly = true)
	public boolean isMailToOfficers(String messageId) {
		return this.mails.findByMessageId(messageId).map(mail -> mail.replyTo() != null).orElse(false);
	}

	/**
	 * A mail to send, with the id of the mailbox its ticket came in on (null for mail about no ticket and for
	 * a portal request's ticket): it goes out from that mailbox.
	 */
	public record Outgoing(OutboundMail mail, String ticketMailbox) {

		public Long id() {
			return this.mail.id();
		}

	}

	/**
	 * Leases up to one batch of due mails and returns them, oldest first. A due mail whose recipient's address
	 * is failing is held instead, and not returned.
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public List<Outgoing> claimDue() {
		Instant now = this.clock.instant();
		// READ COMMITTED: the claim locks the rows it reads, not the gaps between them, so that ticket
		// transactions queueing new mails meanwhile do not wait for it
		List<Map<String, Object>> due = this.jdbc.queryForList("SELECT id, recipient FROM outbound_mail "
				+ "WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
				Timestamp.from(now), this.settings.batchSize());
		List<Long> ids = new ArrayList<>(due.size());
		Map<String, String> undeliverable = whyUndeliverable(due.stream().map(row -> (String) row.get("recipient")).toList());
		for (Map<String, Object> row : due) {
			Long id = ((Number) row.get("id")).longValue();
			String why = undeliverable.get((String) row.get("recipient"));
			if (why != null) {
				hold(id, why);
				continue;
			}
			ids.add(id);
		}
		if (!ids.isEmpty()) {
			// More claims than recorded outcomes: an earlier claim ended without a word, maybe after
			// the send. The lost claim counts as an attempt, and this send as a re-send. MariaDB
			// assigns left to right, so resends and attempts still see the old claims. One statement
			// for the batch, each row with its own counts.
			this.jdbc.update("UPDATE outbound_mail SET resends = resends + IF(claims > attempts, 1, 0), "
					+ "attempts = GREATEST(attempts, claims), claims = claims + 1, next_attempt_at = ? WHERE id IN ("
					+ String.join(",", ids.stream().map(String::valueOf).toList()) + ")",
					Timestamp.from(now.plus(this.settings.lease())));
		}
		return read(ids);
	}

	/**
	 * The mails and their tickets' mailboxes, in the order of {@code ids}, leaving out an id that is no mail:
	 * one statement each for a claimed batch (read after the lease was written) instead of a transaction and
	 * two statements per mail as it is built. The mailbox of a ticket never changes once the ticket is open,
	 * and a mail's contents never change once it is queued.
	 */
	private List<Outgoing> read(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, OutboundMail> byId = new java.util.HashMap<>();
		this.mails.findByIdIn(ids).forEach(mail -> byId.put(mail.id(), mail));
		Map<Long, String> mailboxes = this.tickets.mailboxesOf(
				byId.values().stream().map(OutboundMail::ticketId).filter(java.util.Objects::nonNull).distinct().toList());
		List<Outgoing> outgoing = new ArrayList<>(ids.size());
		for (Long id : ids) {
			OutboundMail mail = byId.get(id);
			if (mail != null) {
				outgoing.add(new Outgoing(mail, mail.ticketId() == null ? null : mailboxes.get(mail.ticketId())));
			}
		}
		return outgoing;
	}

	/** The recipients of a batch that mail is held back for, with why: one question for the batch. */
	private Map<String, String> whyUndeliverable(List<String> recipients) {
		UndeliverableAddresses addresses = this.undeliverable.getIfAvailable();
		return addresses == null || recipients.isEmpty() ? Map.of() : addresses.whyUndeliverable(recipients);
	}

	/** The officers see on the ticket that its requester (or they) did not get this mail, and why. */
	private void hold(Long id, String why) {
		this.mails.findById(id).ifPresent(mail -> {
			mail.hold(why);
			if (mail.ticketId() != null) {
				this.tickets.recordSystemNote(mail.ticketId(), "Mail \"" + mail.kind() + "\" not sent to "
						+ mail.recipient() + ": " + why);
			}
		});
	}

	/** The mails held back for this address, oldest first. */
	@Transactional(readOnly = true)
	public List<OutboundMail> heldFor(String address) {
		return this.mails.findByRecipientAndStatusOrderById(address, OutboundMail.Status.HELD);
	}

	/** Sends the mails held back for this address after all (its failing mark was cleared); how many. */
	@Transactional
	public int releaseHeld(String address) {
		List<OutboundMail> held = this.mails.findByRecipientAndStatusOrderById(address, OutboundMail.Status.HELD);
		held.forEach(mail -> mail.release(this.clock.instant()));
		return held.size();
	}

	/** A mail of the outbox as it would be sent, whatever its status, read as a claim reads it. */
	@Transactional(readOnly = true)
	public Outgoing get(Long id) {
		return read(List.of(id)).stream()
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No outbound mail " + id));
	}

	/**
	 * One statement, in autocommit: the mail was accepted by SMTP and must be marked at once, and the
	 * sending route already read it (and knows when it was queued), so it is not loaded again.
	 */
	public void markSent(Long id, Instant queuedAt) {
		Instant now = this.clock.instant();
		int marked = this.jdbc.update("UPDATE outbound_mail SET status = 'SENT', sent_at = ?, attempts = attempts + 1, "
				+ "last_error = NULL WHERE id = ?", Timestamp.from(now), id);
		if (marked == 1 && queuedAt != null) {
			this.metrics.sent(queuedAt, now);
		}
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
			this.metrics.attemptFailed(mail.status() == OutboundMail.Status.FAILED);
		});
	}

}
