package be.persocontact.gateway.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.mail.internet.MimeMessage;

import be.persocontact.gateway.GatewayProcess;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway JVMs on one MariaDB and one mail server (issue 14): one of them polls the mailbox (leader
 * election), both process what was recorded. Mails keep arriving while the leader is killed with
 * {@code kill -9} and started again. Every mail ends with exactly one outcome and one ticket, every
 * employee gets exactly one acknowledgement (counted by Message-ID at the receiving mail server), nothing
 * is left unprocessed, the other instance took the mailbox over within the configured bound, and the
 * outbox and the daily digests (claimed in the database) went out once each with two instances running.
 * Then the new poller loses the database (its connection cut at a proxy): it gives the mailbox up, the
 * restarted instance takes it over within the bound, and the mails that keep coming are still taken in
 * once each.
 */
class SeveralInstancesIntegrationTests {

	private static final int FIRST = 40;

	private static final int DURING_TAKEOVER = 30;

	private static final int AFTER_RESTART = 20;

	private static final int WITHOUT_DATABASE = 10;

	/** The default bound (lock TTL 10 s + retry 0.5 s) and what the test's polling of the logs adds. */
	private static final Duration TAKEOVER_BOUND = Duration.ofMillis(10_500);

	private static final Duration OBSERVATION_SLACK = Duration.ofSeconds(2);

	private static final String GRANTED = "Leadership of mailbox-poller:default granted";

	@Test
	void killingThePollingInstanceLosesAndDoublesNothingAndAnotherTakesTheMailboxOverWithinTheBound()
			throws Exception {
		String batch = UUID.randomUUID().toString().substring(0, 8);
		try (GatewayCluster cluster = new GatewayCluster("several")) {
			JdbcTemplate db = cluster.createDatabase("several");
			// the second instance reaches the database through a proxy the test can cut
			be.persocontact.gateway.TcpProxy secondsDatabase = be.persocontact.gateway.TcpProxy.to(cluster.databasePort());
			String[] settings = { "--gateway.mail.poll-delay=500",
					// a killed instance's claims of mails and outbox rows are taken over soon (defaults: 5 and 2 min)
					"--gateway.intake.processing.lease=PT15S", "--gateway.notification.lease=PT15S",
					// both instances run the housekeeping often and today's digests are due
					"--gateway.queues.housekeeping-period=5000", "--gateway.queues.digest-at=00:00",
					"--gateway.queues.time-zone=UTC" };
			String[] firstArguments = cluster.arguments("several", settings);
			String[] secondArguments = cluster.arguments("several", secondsDatabase.port(), settings);
			GatewayProcess.Installation first = cluster.install("first");
			GatewayProcess.Installation second = cluster.install("second");
			// the first makes the schema and, standing alone, is elected; the second waits its turn
			GatewayProcess a = first.start(firstArguments);
			await().atMost(Duration.ofSeconds(30)).until(() -> a.log().contains(GRANTED));
			GatewayProcess b = second.start(secondArguments);
			Thread.sleep(3000);
			assertThat(b.log()).as("one poller only").doesNotContain(GRANTED);

			List<String> senders = new ArrayList<>();
			deliver(cluster, batch, senders, FIRST);
			await().atMost(Duration.ofSeconds(90))
				.until(() -> finished(db, batch) >= FIRST / 3);

			a.kill();
			long killedAt = System.nanoTime();
			deliver(cluster, batch, senders, DURING_TAKEOVER);
			await().atMost(TAKEOVER_BOUND.plus(OBSERVATION_SLACK).plusSeconds(10))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> b.log().contains(GRANTED));
			Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
			System.out.println("Takeover after kill -9 of the polling instance: " + takeover.toMillis() + " ms");
			assertThat(takeover).as("the other instance polls within the bound").isLessThan(TAKEOVER_BOUND.plus(OBSERVATION_SLACK));

			CompletableFuture<GatewayProcess> restarted = CompletableFuture.supplyAsync(() -> {
				try {
					return first.start(firstArguments);
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
			deliver(cluster, batch, senders, AFTER_RESTART / 2);
			GatewayProcess back = restarted.join();
			deliver(cluster, batch, senders, AFTER_RESTART - AFTER_RESTART / 2);

			// the poller now loses the database: it gives the mailbox up, the restarted instance takes over
			long cutAt = System.nanoTime();
			secondsDatabase.cut();
			await().atMost(TAKEOVER_BOUND.plus(OBSERVATION_SLACK).plusSeconds(10))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> back.log().contains(GRANTED));
			Duration lostDatabase = Duration.ofNanos(System.nanoTime() - cutAt);
			System.out.println("Takeover after the polling instance lost the database: " + lostDatabase.toMillis() + " ms");
			assertThat(lostDatabase).as("the other instance polls within the bound")
				.isLessThan(TAKEOVER_BOUND.plus(OBSERVATION_SLACK));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> b.log().contains("Leadership of mailbox-poller:default revoked"));
			deliver(cluster, batch, senders, WITHOUT_DATABASE);
			Thread.sleep(2000);
			secondsDatabase.restore();
			int mails = senders.size();

			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> finished(db, batch) == mails);
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				assertThat(senders.stream().filter(sender -> cluster.mail().inbox(sender).isEmpty()))
					.as("employees without an acknowledgement").isEmpty();
				assertThat(cluster.mail().inbox(GatewayCluster.HELPDESK).stream().map(SeveralInstancesIntegrationTests::subject))
					.as("mails left in the helpdesk's inbox").isEmpty();
			});
			Thread.sleep(3000); // time for a second ticket, outcome or acknowledgement, were there one

			// every mail exactly once, with one outcome, one ticket
			assertThat(db.queryForList("SELECT outcome FROM inbound_message WHERE sender LIKE ?", String.class,
					"%." + batch + "@example.org"))
				.hasSize(mails)
				.containsOnly("TICKET_CREATED");
			assertThat(db.queryForObject("SELECT COUNT(DISTINCT sender) FROM inbound_message WHERE sender LIKE ?",
					Integer.class, "%." + batch + "@example.org")).isEqualTo(mails);
			assertThat(db.queryForObject("SELECT COUNT(*) FROM inbound_message WHERE outcome IN ('RECEIVED', 'FAILED')",
					Integer.class)).as("nothing left unprocessed").isZero();
			assertThat(db.queryForList("SELECT requester_address FROM ticket WHERE requester_address LIKE ?",
					String.class, "%." + batch + "@example.org"))
				.hasSize(mails)
				.doesNotHaveDuplicates();
			// one acknowledgement each, by Message-ID at the receiving server; its copies are the outbox's
			// counted resends (a send whose outcome a killed instance never recorded), with the same Message-ID
			int resends = db.queryForObject("SELECT COALESCE(SUM(resends), 0) FROM outbound_mail", Integer.class);
			int copies = 0;
			for (String sender : senders) {
				List<MimeMessage> inbox = cluster.mail().inbox(sender);
				Set<String> ids = new HashSet<>();
				for (MimeMessage ack : inbox) {
					ids.add(ack.getMessageID());
				}
				assertThat(ids).as("acknowledgements of %s", sender).hasSize(1);
				copies += inbox.size();
			}
			assertThat(copies - mails).as("copies beyond one per mail").isLessThanOrEqualTo(resends);
			assertThat(db.queryForList("SELECT DISTINCT SUBSTRING_INDEX(claimed_by, '/', 1) FROM inbound_message "
					+ "WHERE sender LIKE ?", String.class, "%." + batch + "@example.org"))
				.as("the mails were processed by more than one instance")
				.hasSizeGreaterThanOrEqualTo(2);
			assertThat(cluster.mail().folder(GatewayCluster.HELPDESK, "Processed")
				.stream()
				.filter(m -> subject(m).endsWith(batch))
				.toList()).as("every mail left the inbox").hasSize(mails);

			// the outbox and the housekeeping, claimed in the database, ran once for both instances
			assertThat(db.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE status <> 'SENT'", Integer.class))
				.isZero();
			List<Map<String, Object>> digests = db.queryForList(
					"SELECT recipient, COUNT(*) AS n FROM outbound_mail WHERE kind = 'queue-digest' GROUP BY recipient");
			assertThat(digests).as("today's digests").isNotEmpty().allSatisfy(row -> assertThat(((Number) row.get("n")).intValue()).isOne());
			for (Map<String, Object> digest : digests) {
				assertThat(cluster.mail().inbox((String) digest.get("recipient"))
					.stream()
					.map(SeveralInstancesIntegrationTests::messageId)
					.distinct()
					.count()).as("digests received by %s", digest.get("recipient")).isEqualTo(
							db.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", Long.class,
									digest.get("recipient")));
			}

			b.stop();
			back.stop();
			secondsDatabase.close();
		}
	}

	private static void deliver(GatewayCluster cluster, String batch, List<String> senders, int count) {
		for (int i = 0; i < count; i++) {
			String sender = "employee" + senders.size() + "." + batch + "@example.org";
			senders.add(sender);
			cluster.mail().appendRaw("""
					From: %s
					To: helpdesk@persocontact.local
					Subject: Vraag %d %s
					Message-ID: <%s@example.org>
					Content-Language: nl
					Content-Type: text/plain; charset=utf-8

					Beste, hierbij mijn vraag over mijn verlof.
					""".formatted(sender, senders.size(), batch, UUID.randomUUID()), GatewayCluster.HELPDESK);
		}
	}

	private static int finished(JdbcTemplate db, String batch) {
		return db.queryForObject("SELECT COUNT(*) FROM inbound_message WHERE sender LIKE ? AND outcome NOT IN "
				+ "('RECEIVED', 'FAILED')", Integer.class, "%." + batch + "@example.org");
	}

	private static String subject(MimeMessage mail) {
		try {
			return String.valueOf(mail.getSubject());
		}
		catch (Exception ex) {
			return "";
		}
	}

	private static String messageId(MimeMessage mail) {
		try {
			return mail.getMessageID();
		}
		catch (Exception ex) {
			return "";
		}
	}

}
