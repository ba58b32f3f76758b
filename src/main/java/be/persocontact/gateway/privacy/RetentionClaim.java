package be.persocontact.gateway.privacy;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One purge run at a time across every instance: the run claims the row {@code retention} of
 * {@code retention_claim} for a lease (so that a crashed instance holds it only that long), and releases it
 * with what it did. The claim is a single conditional UPDATE, atomic in the database.
 */
@Component
class RetentionClaim {

	private static final String NAME = "retention";

	private final JdbcClient jdbc;

	/** This instance, as the claim names it: host and process, and a random part for two in one JVM. */
	private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	RetentionClaim(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String instance() {
		return this.instance;
	}

	/** Claims the run until {@code now + lease}; false when another run holds a claim that has not expired. */
	boolean claim(Instant now, Duration lease) {
		return this.jdbc.sql("""
				UPDATE retention_claim SET claimed_by = ?, claimed_until = ?
				WHERE name = ? AND (claimed_until IS NULL OR claimed_until <= ? OR claimed_by = ?)""")
			.params(this.instance, Timestamp.from(now.plus(lease)), NAME, Timestamp.from(now), this.instance)
			.update() == 1;
	}

	/** Ends this instance's claim and notes the run. */
	void release(Instant now, String summary) {
		this.jdbc.sql("""
				UPDATE retention_claim SET claimed_by = NULL, claimed_until = NULL, last_run_at = ?, last_run_by = ?,
				  last_run = ? WHERE name = ? AND claimed_by = ?""")
			.params(Timestamp.from(now), this.instance, summary.length() > 1000 ? summary.substring(0, 1000) : summary,
					NAME, this.instance)
			.update();
	}

	/** The last run and the current claim, for operators. */
	State state() {
		return this.jdbc.sql("SELECT claimed_by, claimed_until, last_run_at, last_run_by, last_run FROM retention_claim "
				+ "WHERE name = ?")
			.param(NAME)
			.query((rs, row) -> new State(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
					rs.getString(4), rs.getString(5)))
			.single();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** Who holds the claim (null: nobody) until when, and what the last run did. */
	record State(String claimedBy, Instant claimedUntil, Instant lastRunAt, String lastRunBy, String lastRun) {
	}

}
