package be.persocontact.gateway.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What intake holds about people, for retention, export and erasure: every inbound mail raw (with its
 * sender, subject and Message-ID, and the reader's notes on a damaged one), and the addresses that bounce
 * with the bounces counted for them. A mail that became part of a ticket
 * ({@link #TICKET_OUTCOMES}) lives as long as its ticket's retention says; the others (ignored, duplicate,
 * rejected, quarantined) are deleted whole after their own period. What is left of a ticket's mail once
 * forgotten is its outcome, times and ticket number, for statistics. Changes join the caller's transaction;
 * batch deletions select their rows by primary key first and delete only those, so that no range of the
 * table is locked against the intake.
 */
@Service
public class InboundPersonalData {

	/** The outcomes of a mail that is part of a ticket's conversation. */
	public static final Set<Outcome> TICKET_OUTCOMES = EnumSet.of(Outcome.TICKET_CREATED, Outcome.APPENDED);

	private final JdbcClient jdbc;

	private final LargeMails largeMails;

	private final StoredMails stored;

	InboundPersonalData(JdbcClient jdbc, LargeMails largeMails, StoredMails stored) {
		this.jdbc = jdbc;
		this.largeMails = largeMails;
		this.stored = stored;
	}

	/** The mails that never became part of a ticket, grouped by how long they are kept. */
	public enum MailsWithoutTicket {

		/** Machine mail: auto-replies, bounces, read receipts, lists, calendar replies, our own mail. */
		IGNORED,
		/** Second copies of a mail already recorded. */
		DUPLICATES,
		/** Refused with a notice to the sender: too large, too many, an officer's impossible command. */
		REJECTED,
		/** Held for an operator (or failing and not yet held): unreadable, unauthenticated, withdrawn. */
		QUARANTINED;

		/** The group of an outcome; empty for a ticket's mail, which its ticket's retention covers. */
		public static Optional<MailsWithoutTicket> of(Outcome outcome) {
			if (TICKET_OUTCOMES.contains(outcome)) {
				return Optional.empty();
			}
			String name = outcome.name();
			if (name.startsWith("IGNORED_")) {
				return Optional.of(IGNORED);
			}
			if (outcome == Outcome.DUPLICATE) {
				return Optional.of(DUPLICATES);
			}
			if (name.startsWith("REJECTED_")) {
				return Optional.of(REJECTED);
			}
			if (outcome == Outcome.QUARANTINED || outcome == Outcome.FAILED || outcome == Outcome.RECEIVED) {
				return Optional.of(QUARANTINED);
			}
			return Optional.empty();
		}

		List<String> outcomes() {
			return Arrays.stream(Outcome.values()).filter(outcome -> of(outcome).orElse(null) == this)
				.map(Outcome::name).toList();
		}

	}

	/**
	 * Empties the raw bytes of a ticket's mails (marked {@code raw_purged_at}): the ticket keeps their texts
	 * and files as long as their own retention says.
	 * @return the mails emptied
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int purgeRawMailsOfTicket(String ticketNumber, Instant at) {
		return this.jdbc.sql("""
				UPDATE inbound_message SET raw = '', raw_purged_at = :at
				WHERE ticket_number = :number AND outcome IN (:outcomes) AND raw_purged_at IS NULL""")
			.param("at", Timestamp.from(at))
			.param("number", ticketNumber)
			.param("outcomes", names(TICKET_OUTCOMES))
			.update();
	}

	/**
	 * Forgets who sent a ticket's mails and what they said: sender, subject, Message-ID, error text, the
	 * reader's notes on a damaged mail, and the raw bytes if still there. Outcome, times and ticket number stay.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int forgetMailsOfTicket(String ticketNumber, Instant at) {
		int emptied = purgeRawMailsOfTicket(ticketNumber, at);
		return emptied + this.jdbc.sql("""
				UPDATE inbound_message SET sender = NULL, subject = NULL, message_id = NULL, error = NULL, read_notes = NULL
				WHERE ticket_number = :number AND outcome IN (:outcomes) AND (sender IS NOT NULL OR subject IS NOT NULL
				  OR message_id IS NOT NULL OR error IS NOT NULL OR read_notes IS NOT NULL)""")
			.param("number", ticketNumber)
			.param("outcomes", names(TICKET_OUTCOMES))
			.update();
	}

	/**
	 * Deletes up to {@code limit} mails of that group received at or before {@code receivedUpTo}, oldest
	 * first.
	 * @return the ids deleted (empty when none was due)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> deleteMailsWithoutTicket(MailsWithoutTicket group, Instant receivedUpTo, int limit) {
		List<Long> ids = this.jdbc.sql("""
				SELECT id FROM inbound_message WHERE outcome IN (:outcomes) AND received_at <= :upTo
				ORDER BY id LIMIT :limit""")
			.param("outcomes", group.outcomes())
			.param("upTo", Timestamp.from(receivedUpTo))
			.param("limit", limit)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return ids;
		}
		// the outcome is checked again: a quarantined mail replayed meanwhile belongs to a ticket now
		this.jdbc.sql("DELETE FROM inbound_message WHERE id IN (:ids) AND outcome IN (:outcomes)")
			.param("ids", ids)
			.param("outcomes", group.outcomes())
			.update();
		return ids;
	}

	/**
	 * Deletes up to {@code limit} failing addresses whose last bounce is at or before {@code lastFailureUpTo},
	 * and the bounces counted for them that were reported at or before it.
	 * @return the addresses deleted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<String> deleteFailingAddresses(Instant lastFailureUpTo, int limit) {
		this.jdbc.sql("DELETE FROM failing_address_bounce WHERE reported_at <= ? ORDER BY reported_at LIMIT ?")
			.params(Timestamp.from(lastFailureUpTo), limit)
			.update();
		List<String> addresses = this.jdbc.sql("""
				SELECT address FROM failing_address WHERE last_failure_at <= ? ORDER BY last_failure_at LIMIT ?""")
			.params(Timestamp.from(lastFailureUpTo), limit)
			.query(String.class)
			.list();
		if (!addresses.isEmpty()) {
			this.jdbc.sql("DELETE FROM failing_address WHERE address IN (:addresses) AND last_failure_at <= :upTo")
				.param("addresses", addresses)
				.param("upTo", Timestamp.from(lastFailureUpTo))
				.update();
		}
		return addresses;
	}

	/**
	 * The mails a person sent and the mails of their tickets (officers' too), oldest first, without the raw
	 * bytes ({@link #raw}).
	 */
	@Transactional(readOnly = true)
	public List<InboundRecord> mailsOf(Collection<String> senders, Collection<String> ticketNumbers) {
		return this.jdbc.sql("""
				SELECT id, received_at, processed_at, outcome, reason, sender, subject, message_id, ticket_number,
				  size_bytes, raw_purged_at, LENGTH(raw) > 0 AS has_raw
				FROM inbound_message WHERE sender IN (:senders) OR ticket_number IN (:numbers) ORDER BY id""")
			.param("senders", orNone(lowerCase(senders)))
			.param("numbers", orNone(ticketNumbers))
			.query((rs, row) -> new InboundRecord(rs.getLong("id"), instant(rs.getTimestamp("received_at")),
					instant(rs.getTimestamp("processed_at")), rs.getString("outcome"), rs.getString("reason"),
					rs.getString("sender"), rs.getString("subject"), rs.getString("message_id"),
					rs.getString("ticket_number"), rs.getLong("size_bytes"), instant(rs.getTimestamp("raw_purged_at")),
					rs.getBoolean("has_raw")))
			.list();
	}

	/** The raw bytes of one mail, as received; empty when there are none (purged, or never readable). */
	@Transactional(readOnly = true)
	public Optional<byte[]> raw(long id) {
		long size = this.stored.length(id);
		if (size == 0) {
			return Optional.empty();
		}
		// read (in pieces, see StoredMails) when no other large mail is in memory here
		try (LargeMails.Permit inMemory = this.largeMails.enter(size)) {
			byte[] raw = this.stored.of(id);
			return raw.length == 0 ? Optional.empty() : Optional.of(raw);
		}
	}


	/** The bounce record of these addresses, if they ever bounced for good, with each bounce counted. */
	@Transactional(readOnly = true)
	public List<FailingAddressRecord> failingAddresses(Collection<String> addresses) {
		return this.jdbc.sql("""
				SELECT address, permanent_failures, last_failure_at, last_status, failing_since
				FROM failing_address WHERE address IN (:addresses)""")
			.param("addresses", orNone(lowerCase(addresses)))
			.query((rs, row) -> new FailingAddressRecord(rs.getString(1), rs.getInt(2), instant(rs.getTimestamp(3)),
					rs.getString(4), instant(rs.getTimestamp(5)), bounces(rs.getString(1))))
			.list();
	}

	private List<String> bounces(String address) {
		return this.jdbc.sql("""
				SELECT CONCAT(reported_at, ' ', status, ' for our mail ', message_id) FROM failing_address_bounce
				WHERE address = ? ORDER BY reported_at""")
			.param(address)
			.query(String.class)
			.list();
	}

	/**
	 * Erases what intake holds about a person: the mails they sent that are no part of a ticket, and their
	 * bounce record, are deleted; the mails of their tickets (theirs and the officers') are deleted too, or
	 * with {@code keepShells} kept as a shell (outcome, times, ticket number) like retention leaves them.
	 * @return the mails and addresses deleted or emptied
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int erase(Collection<String> senders, Collection<String> ticketNumbers, boolean keepShells, Instant at) {
		int changed = 0;
		if (keepShells) {
			for (String number : ticketNumbers) {
				changed += forgetMailsOfTicket(number, at);
			}
			changed += this.jdbc.sql("""
					DELETE FROM inbound_message WHERE (sender IN (:senders) OR ticket_number IN (:numbers))
					  AND outcome NOT IN (:kept)""")
				.param("senders", orNone(lowerCase(senders)))
				.param("numbers", orNone(ticketNumbers))
				.param("kept", names(TICKET_OUTCOMES))
				.update();
			// their own mail on a ticket that is not theirs (a colleague's, as a participant)
			changed += this.jdbc.sql("""
					UPDATE inbound_message SET raw = '', raw_purged_at = COALESCE(raw_purged_at, :at), sender = NULL,
					  subject = NULL, message_id = NULL, error = NULL, read_notes = NULL WHERE sender IN (:senders)""")
				.param("at", Timestamp.from(at))
				.param("senders", orNone(lowerCase(senders)))
				.update();
		}
		else {
			changed += this.jdbc.sql("DELETE FROM inbound_message WHERE sender IN (:senders) OR ticket_number IN (:numbers)")
				.param("senders", orNone(lowerCase(senders)))
				.param("numbers", orNone(ticketNumbers))
				.update();
		}
		changed += this.jdbc.sql("DELETE FROM failing_address_bounce WHERE address IN (:addresses)")
			.param("addresses", orNone(lowerCase(senders)))
			.update();
		return changed + this.jdbc.sql("DELETE FROM failing_address WHERE address IN (:addresses)")
			.param("addresses", orNone(lowerCase(senders)))
			.update();
	}

	private static List<String> names(Set<Outcome> outcomes) {
		return outcomes.stream().map(Outcome::name).toList();
	}

	private static List<String> lowerCase(Collection<String> addresses) {
		return addresses.stream().map(address -> address.strip().toLowerCase(Locale.ROOT)).toList();
	}

	/** An IN list never empty: SQL has no {@code IN ()}, and an impossible value matches nothing. */
	private static Collection<?> orNone(Collection<?> values) {
		return values.isEmpty() ? List.of("\u0000none") : values;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** One inbound mail as an export lists it. */
	public record InboundRecord(long id, Instant receivedAt, Instant processedAt, String outcome, String reason,
			String sender, String subject, String messageId, String ticketNumber, long sizeBytes, Instant rawPurgedAt,
			boolean hasRaw) {
	}

	/** An address that bounced for good, and the permanent bounces of our mails counted for it. */
	public record FailingAddressRecord(String address, int permanentFailures, Instant lastFailureAt, String lastStatus,
			Instant failingSince, List<String> bounces) {
	}

}
