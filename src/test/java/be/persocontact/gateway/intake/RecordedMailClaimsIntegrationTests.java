package be.persocontact.gateway.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import be.persocontact.gateway.SessionCounter;
import be.persocontact.gateway.TicketFixtureTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A claim takes the oldest free mails and reads only about as many rows as it takes, however long the
 * backlog: in a flood every worker claims once per mail, and a claim that sorted the whole backlog each
 * time made MariaDB the larger cost of the intake (docs/benchmarks.md, run 7). The backlog is written in
 * the test's own transaction, which the claim joins and which is rolled back: the running gateway never
 * sees these mails. The rows read are MariaDB's own handler counters for this connection.
 */
class RecordedMailClaimsIntegrationTests extends TicketFixtureTestSupport {

	private static final int BACKLOG = 300;

	@Autowired
	RecordedMailClaims claims;

	@Test
	void aClaimInALongBacklogTakesTheOldestAndReadsOnlyAFewRows() {
		this.transaction.execute(status -> {
			status.setRollbackOnly();
			String tag = UUID.randomUUID().toString().substring(0, 8);
			List<Object[]> rows = new ArrayList<>();
			for (int i = 0; i < BACKLOG; i++) {
				String key = tag + "-" + i;
				// received and failed mails alike are unfinished: the claim looks at both
				rows.add(new Object[] { MailFingerprint.sha256(key.getBytes()), key, i % 3 == 0 ? "FAILED" : "RECEIVED",
						"claim." + key + "@example.org" });
			}
			this.jdbc.batchUpdate("INSERT INTO inbound_message (channel, mailbox, sha256, dedup_key, size_bytes, raw, "
					+ "received_at, outcome, sender, subject) VALUES ('MAIL', 'claims-test', ?, ?, 5, 'raw', NOW(6), ?, ?, "
					+ "'backlog')", rows);
			List<Long> backlog = this.jdbc.queryForList(
					"SELECT id FROM inbound_message WHERE mailbox = 'claims-test' AND dedup_key LIKE ? ORDER BY id",
					Long.class, tag + "-%");

			long before = SessionCounter.rowsRead(this.jdbc);
			List<RecordedMailClaims.Claimed> claimed = this.claims.claim("claims-test-" + tag, 2, Duration.ofMinutes(1),
					Set.of()).claimed();
			long read = SessionCounter.rowsRead(this.jdbc) - before;

			assertThat(claimed).extracting(RecordedMailClaims.Claimed::id)
				.as("the two oldest of the backlog, a failed one among them")
				.containsExactly(backlog.get(0), backlog.get(1));
			assertThat(read).as("rows read by a claim of 2 in a backlog of %d", BACKLOG).isLessThan(BACKLOG / 5);
			assertThat(this.jdbc.queryForList("SELECT claimed_by FROM inbound_message WHERE id IN (?, ?)", String.class,
					backlog.get(0), backlog.get(1)))
				.containsOnly("claims-test-" + tag);
			return null;
		});
	}

}
