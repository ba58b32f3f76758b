package be.persocontact.gateway.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the outbox holds about people, for retention, export and erasure: every mail the gateway wrote,
 * with its recipient, subject and both bodies (an officer's answer, an announcement quoting the request).
 * A ticket's mails are forgotten with the ticket's texts, keeping kind, status and times (and the
 * Message-ID, by which a late reply still finds its ticket); mails about no ticket (rejection notices,
 * queue digests) are deleted after their own period. A mail still waiting to be sent is never touched by
 * retention. Changes join the caller's transaction.
 */
@Service
public class OutboundPersonalData {

	private final JdbcClient jdbc;

	OutboundPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Empties recipient, subject, bodies, Reply-To and error of a ticket's sent or failed mails; deletes its
	 * mails held for a failing address, which will never go now.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int forgetMailsOfTicket(long ticketId) {
		int held = this.jdbc.sql("DELETE FROM outbound_mail WHERE ticket_id = ? AND status = 'HELD'")
			.param(ticketId)
			.update();
		return held + this.jdbc.sql("""
				UPDATE outbound_mail SET recipient = '', subject = '', text_body = '', html_body = '', reply_to = NULL,
				  last_error = NULL
				WHERE ticket_id = ? AND status <> 'PENDING' AND (recipient <> '' OR subject <> '' OR text_body <> ''
				  OR html_body <> '' OR reply_to IS NOT NULL OR last_error IS NOT NULL)""")
			.param(ticketId)
			.update();
	}

	/**
	 * Deletes up to {@code limit} sent or failed mails about no ticket written at or before
	 * {@code createdUpTo}, oldest first.
	 * @return the ids deleted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> deleteMailsWithoutTicket(Instant createdUpTo, int limit) {
		List<Long> ids = this.jdbc.sql("""
				SELECT id FROM outbound_mail WHERE ticket_id IS NULL AND status <> 'PENDING' AND created_at <= ?
				ORDER BY id LIMIT ?""")
			.params(Timestamp.from(createdUpTo), limit)
			.query(Long.class)
			.list();
		if (!ids.isEmpty()) {
			this.jdbc.sql("DELETE FROM outbound_mail WHERE id IN (:ids) AND status <> 'PENDING'")
				.param("ids", ids)
				.update();
		}
		return ids;
	}

	/**
	 * The mails written to these addresses and about these tickets (to officers too), oldest first; and
	 * the mails about no ticket that name one of these ticket numbers (a queue's digest).
	 */
	@Transactional(readOnly = true)
	public List<OutboundRecord> mailsOf(Collection<String> recipients, Collection<Long> ticketIds,
			Collection<String> ticketNumbers) {
		return this.jdbc.sql("""
				SELECT id, created_at, sent_at, status, kind, language, recipient, subject, ticket_id, message_id,
				  text_body, html_body
				FROM outbound_mail WHERE id IN (:ids) ORDER BY id""")
			.param("ids", orNone(idsOf(recipients, ticketIds, ticketNumbers)))
			.query((rs, row) -> new OutboundRecord(rs.getLong("id"), instant(rs.getTimestamp("created_at")),
					instant(rs.getTimestamp("sent_at")), rs.getString("status"), rs.getString("kind"),
					rs.getString("language"), rs.getString("recipient"), rs.getString("subject"),
					(Long) rs.getObject("ticket_id", Long.class), rs.getString("message_id"), rs.getString("text_body"),
					rs.getString("html_body")))
			.list();
	}

	/**
	 * Erases the mails of {@link #mailsOf}: those still waiting (or held) are not sent (deleted), mails about no ticket
	 * are deleted, and a ticket's mails are emptied like retention does ({@code keepShells}) or deleted.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int erase(Collection<String> recipients, Collection<Long> ticketIds, Collection<String> ticketNumbers,
			boolean keepShells) {
		List<Long> ids = idsOf(recipients, ticketIds, ticketNumbers);
		if (ids.isEmpty()) {
			return 0;
		}
		int changed = this.jdbc.sql("""
				DELETE FROM outbound_mail WHERE id IN (:ids)
				  AND (status IN ('PENDING', 'HELD') OR ticket_id IS NULL OR :keep = FALSE)""")
			.param("ids", ids)
			.param("keep", keepShells)
			.update();
		return changed + this.jdbc.sql("""
				UPDATE outbound_mail SET recipient = '', subject = '', text_body = '', html_body = '', reply_to = NULL,
				  last_error = NULL WHERE id IN (:ids)""")
			.param("ids", ids)
			.update();
	}

	private List<Long> idsOf(Collection<String> recipients, Collection<Long> ticketIds,
			Collection<String> ticketNumbers) {
		List<Long> ids = new ArrayList<>(this.jdbc.sql("""
				SELECT id FROM outbound_mail WHERE recipient IN (:recipients) OR ticket_id IN (:tickets)""")
			.param("recipients", noneIfEmpty(recipients.stream().map(r -> r.strip().toLowerCase(Locale.ROOT)).toList()))
			.param("tickets", orNone(ticketIds))
			.query(Long.class)
			.list());
		for (String number : ticketNumbers) {
			// a digest lists open tickets by number and title: only mails about no ticket can do that
			ids.addAll(this.jdbc.sql("SELECT id FROM outbound_mail WHERE ticket_id IS NULL AND text_body LIKE ?")
				.param("%" + number + "%")
				.query(Long.class)
				.list());
		}
		return ids.stream().distinct().sorted().toList();
	}

	/** An IN list never empty: SQL has no {@code IN ()}, and an impossible value matches nothing. */
	private static Collection<?> orNone(Collection<? extends Number> values) {
		return values.isEmpty() ? List.of(-1L) : values;
	}

	private static Collection<?> noneIfEmpty(Collection<String> values) {
		return values.isEmpty() ? List.of("\u0000none") : values;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** One mail the gateway wrote, as an export lists it. */
	public record OutboundRecord(long id, Instant createdAt, Instant sentAt, String status, String kind,
			String language, String recipient, String subject, Long ticketId, String messageId, String textBody,
			String htmlBody) {
	}

}
