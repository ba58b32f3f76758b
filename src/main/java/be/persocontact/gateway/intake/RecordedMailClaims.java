package be.persocontact.gateway.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims recorded mails for one instance: the oldest unfinished ones that nobody holds, locked with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} (MariaDB 10.6+) so that instances claiming at the same moment
 * take different mails without waiting for each other, then marked with the instance and a lease. A claim
 * whose instance died expires with its lease and the mail is claimed again. Of one sender's mails only the
 * earliest unfinished are claimed, in order: a new ticket and the reply to it never race.
 */
@Component
class RecordedMailClaims {

	/**
	 * One claimed mail: its id, its sender (null when it has none) for the sender's lane, its size, and the
	 * size the server declared for a mail recorded by its header block only (null for every other mail).
	 */
	record Claimed(long id, String sender, long size, Long declaredSize) {
	}

	/**
	 * What a claim found: the mails to process, and the mails quarantined instead because their processing
	 * ended too often without any result ({@code unfinished} times).
	 */
	record Round(List<Claimed> claimed, Map<Long, Integer> abandoned) {

		static final Round NONE = new Round(List.of(), Map.of());

	}

	/** A free mail as the claim reads it: {@code unfinished} earlier claims ended with no result recorded. */
	private record Free(Claimed mail, int unfinished) {
	}

	private static final String UNFINISHED = "outcome IN ('RECEIVED', 'FAILED') AND size_bytes > 0";

	private static final List<String> UNFINISHED_OUTCOMES = List.of("RECEIVED", "FAILED");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final int maxUnfinished;

	private final Clock clock;

	RecordedMailClaims(JdbcTemplate jdbc, TransactionTemplate transaction, IntakeProcessingSettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxUnfinished = settings.maxUnfinished();
		// READ COMMITTED: rows the claim reads but does not take (held by a worker, waiting for a retry) are
		// unlocked at once instead of at the claim's commit, so claims and ticket transactions do not queue.
		this.transaction = new TransactionTemplate(transaction.getTransactionManager());
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
	}

	/**
	 * Claims up to {@code max} mails for {@code instance} until {@code lease} from now, oldest first. Mails
	 * this instance claimed before and is no longer working on ({@code working} does not hold them: their
	 * failure could not even be recorded) are claimable again at once. Every claim is counted; a mail whose
	 * earlier claims ended {@code max-unfinished} times without any result (no outcome, no failure recorded:
	 * the instance was killed or ran out of memory on it) is quarantined here instead of claimed again.
	 */
	Round claim(String instance, int max, Duration lease, java.util.Set<Long> working) {
		if (max <= 0) {
			return Round.NONE;
		}
		return this.transaction.execute(status -> {
			// the database's clock, the same for every instance
			String notWorking = working.isEmpty() ? ""
					: " AND id NOT IN (" + working.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
			// One outcome per statement: ix_inbound_unfinished (outcome, id) is then read in id order and the scan
			// stops after max free mails. With both outcomes in one IN the server sorted the whole backlog for
			// every claim (437 rows read per claim in a 1,500-mail flood: docs/benchmarks.md, run 7). FORCE INDEX:
			// by its statistics the optimiser prefers to walk the primary key in id order, through every mail
			// ever finished, locking each row it reads (run 5).
			List<Free> found = new ArrayList<>();
			for (String outcome : UNFINISHED_OUTCOMES) {
				found.addAll(this.jdbc.query("SELECT id, sender, claims - attempts, size_bytes, declared_size FROM inbound_message FORCE INDEX (ix_inbound_unfinished) "
						+ "WHERE outcome = ? AND size_bytes > 0"
						+ " AND (claimed_until IS NULL OR claimed_until < NOW(6) OR claimed_by = ?)" + notWorking
						+ " AND (next_attempt_at IS NULL OR next_attempt_at <= NOW(6)) ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
						(row, n) -> new Free(new Claimed(row.getLong(1), row.getString(2), row.getLong(4), row.getObject(5, Long.class)), row.getInt(3)), outcome, instance,
						max));
			}
			// the oldest of both; a row locked here and not taken is free again at this commit
			found.sort(java.util.Comparator.comparingLong(free -> free.mail().id()));
			found = found.subList(0, Math.min(max, found.size()));
			Map<Long, Integer> abandoned = new java.util.TreeMap<>();
			List<Claimed> free = new ArrayList<>();
			for (Free mail : found) {
				if (mail.unfinished() >= this.maxUnfinished) {
					abandoned.put(mail.mail().id(), mail.unfinished());
				}
				else {
					free.add(mail.mail());
				}
			}
			if (!abandoned.isEmpty()) {
				// in SQL, in this transaction: loading the mail could be what brought the instance down
				String ids = abandoned.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
				// processed_at on the gateway's clock, as for every other outcome (latency, retention)
				this.jdbc.update("UPDATE inbound_message SET outcome = 'QUARANTINED', reason = ?, processed_at = ?, "
						+ "claimed_until = NULL, next_attempt_at = NULL WHERE id IN (" + ids + ")",
						"processing ended " + this.maxUnfinished + " times without a result",
						Timestamp.from(this.clock.instant()));
			}
			List<Claimed> inOrder = inSenderOrder(free);
			if (inOrder.isEmpty()) {
				return new Round(List.of(), abandoned);
			}
			String ids = inOrder.stream().map(c -> Long.toString(c.id())).collect(Collectors.joining(","));
			this.jdbc.update("UPDATE inbound_message SET claimed_by = ?, claimed_until = DATE_ADD(NOW(6), INTERVAL ? "
					+ "MICROSECOND), claims = claims + 1 WHERE id IN (" + ids + ")", instance, lease.toNanos() / 1000);
			return new Round(inOrder, abandoned);
		});
	}

	/**
	 * Drops a mail whose sender has an earlier unfinished mail outside this claim (another instance holds
	 * it, or it waits for its retry): it is claimed once that one is finished.
	 */
	private List<Claimed> inSenderOrder(List<Claimed> free) {
		List<String> senders = free.stream().map(Claimed::sender).filter(s -> s != null).distinct().toList();
		if (senders.isEmpty()) {
			return free;
		}
		String ids = free.stream().map(c -> Long.toString(c.id())).collect(Collectors.joining(","));
		String marks = String.join(",", Collections.nCopies(senders.size(), "?"));
		Map<String, Long> earliestElsewhere = new HashMap<>();
		this.jdbc.query("SELECT sender, MIN(id) FROM inbound_message WHERE " + UNFINISHED + " AND sender IN (" + marks
				+ ") AND id NOT IN (" + ids + ") GROUP BY sender",
				row -> {
					earliestElsewhere.put(row.getString(1), row.getLong(2));
				}, senders.toArray());
		List<Claimed> kept = new ArrayList<>();
		for (Claimed mail : free) {
			Long earlier = mail.sender() == null ? null : earliestElsewhere.get(mail.sender());
			if (earlier == null || earlier > mail.id()) {
				kept.add(mail);
			}
		}
		return kept;
	}

}
