package be.persocontact.gateway.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import be.persocontact.gateway.GatewayProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The figure of {@code docs/scaling.md}: how fast the intake empties a pre-loaded mailbox with one gateway,
 * then with two, on this machine, side by side in one run. Not part of the suite (it takes minutes and its
 * result is a figure, not a verdict):
 *
 * <pre>
 * ./mvnw -B verify -Dtest=IntakeThroughputMeasurement -Dscaling.measure=true [-Dscaling.mails=200]
 * </pre>
 *
 * Each run has a database of its own on one MariaDB and the same GreenMail. End to end: {@code N} mails (a
 * short text and a small attached text file, read by Tika) are put into the inbox at once, and the time is
 * taken until every one is recorded (the one poller) and has its ticket. Processing only: {@code N} mails
 * are written into the database as the poller records them, in one transaction, and the time is taken
 * until every one has its ticket (the processors of all instances). Written to
 * {@code target/scaling-measurement.txt}.
 */
@EnabledIfSystemProperty(named = "scaling.measure", matches = "true")
class IntakeThroughputMeasurement {

	private static final String GRANTED = "Leadership of mailbox-poller:default granted";

	@Test
	void oneInstanceThenTwoEmptyTheSameMailbox() throws Exception {
		int mails = Integer.getInteger("scaling.mails", 200);
		List<String> results = new ArrayList<>();
		try (GatewayCluster cluster = new GatewayCluster("measure")) {
			results.add(run(cluster, 1, mails));
			results.add(run(cluster, 2, mails));
			results.add(processingOnly(cluster, 1, mails));
			results.add(processingOnly(cluster, 2, mails));
		}
		String report = "Intake of " + mails + " pre-loaded mails, " + Instant.now() + ", "
				+ Runtime.getRuntime().availableProcessors() + " cores, load average "
				+ java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + "\n"
				+ String.join("\n", results) + "\n";
		System.out.println(report);
		Files.writeString(Path.of("target/scaling-measurement.txt"), report, StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private static String run(GatewayCluster cluster, int instances, int mails) throws Exception {
		String database = "measure" + instances;
		JdbcTemplate db = cluster.createDatabase(database);
		String[] arguments = cluster.arguments(database);
		List<GatewayProcess> gateways = new ArrayList<>();
		for (int i = 1; i <= instances; i++) {
			gateways.add(cluster.install(database + "-" + i).start(arguments));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> gateways.stream().anyMatch(g -> g.log().contains(GRANTED)));
		String batch = UUID.randomUUID().toString().substring(0, 8);
		long start = System.nanoTime();
		for (int i = 0; i < mails; i++) {
			cluster.mail().appendRaw(mail("m" + i + "." + batch + "@example.org", "Attest " + i + " " + batch),
					GatewayCluster.HELPDESK);
		}
		long recorded = 0;
		while (true) {
			int done = db.queryForObject("SELECT COUNT(*) FROM inbound_message WHERE sender LIKE ? AND outcome = "
					+ "'TICKET_CREATED'", Integer.class, "%." + batch + "@example.org");
			if (recorded == 0 && db.queryForObject("SELECT COUNT(*) FROM inbound_message WHERE sender LIKE ?",
					Integer.class, "%." + batch + "@example.org") == mails) {
				recorded = System.nanoTime();
			}
			if (done == mails) {
				break;
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(15));
			Thread.sleep(200);
		}
		long end = System.nanoTime();
		// the last batch's move may still be under way: the next run must start from an empty inbox
		await().atMost(Duration.ofSeconds(30)).until(() -> cluster.mail().inbox(GatewayCluster.HELPDESK).isEmpty());
		String processedBy = String.join(", ", db.queryForList("SELECT CONCAT('pid ', p, ': ', n) FROM (SELECT "
				+ "COALESCE(SUBSTRING_INDEX(claimed_by, '@', 1), '?') AS p, COUNT(*) AS n FROM inbound_message GROUP BY p) t",
				String.class));
		for (GatewayProcess gateway : gateways) {
			gateway.stop();
		}
		double seconds = (end - start) / 1e9;
		return "%d instance(s): %d mails recorded in %.1f s, all processed in %.1f s = %.2f mails/s (processed by %s)"
			.formatted(instances, mails, (recorded - start) / 1e9, seconds, mails / seconds, processedBy);
	}

	private static String processingOnly(GatewayCluster cluster, int instances, int mails) throws Exception {
		String database = "process" + instances;
		JdbcTemplate db = cluster.createDatabase(database);
		String[] arguments = cluster.arguments(database);
		List<GatewayProcess> gateways = new ArrayList<>();
		for (int i = 1; i <= instances; i++) {
			gateways.add(cluster.install(database + "-" + i).start(arguments));
		}
		String batch = UUID.randomUUID().toString().substring(0, 8);
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < mails; i++) {
			String sender = "p" + i + "." + batch + "@example.org";
			byte[] raw = mail(sender, "Attest " + i + " " + batch).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
			String hash = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
			rows.add(new Object[] { hash, hash, raw.length, raw, sender, "Attest " + i + " " + batch });
		}
		long start = System.nanoTime();
		db.batchUpdate("INSERT INTO inbound_message (channel, mailbox, sha256, dedup_key, size_bytes, raw, received_at, "
				+ "outcome, sender, subject) VALUES ('MAIL', 'measurement', ?, ?, ?, ?, NOW(6), 'RECEIVED', ?, ?)", rows);
		while (db.queryForObject("SELECT COUNT(*) FROM inbound_message WHERE sender LIKE ? AND outcome = 'TICKET_CREATED'",
				Integer.class, "%." + batch + "@example.org") < mails) {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(15));
			Thread.sleep(200);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		String processedBy = String.join(", ", db.queryForList("SELECT CONCAT('pid ', p, ': ', n) FROM (SELECT "
				+ "COALESCE(SUBSTRING_INDEX(claimed_by, '@', 1), '?') AS p, COUNT(*) AS n FROM inbound_message GROUP BY p) t",
				String.class));
		for (GatewayProcess gateway : gateways) {
			gateway.stop();
		}
		return "%d instance(s), processing only: %d recorded mails processed in %.1f s = %.2f mails/s (processed by %s)"
			.formatted(instances, mails, seconds, mails / seconds, processedBy);
	}

	private static String mail(String from, String subject) {
		String attachment = Base64.getMimeEncoder()
			.encodeToString(("Attest van " + from + "\nGeboortedatum: 01/02/2003\n").repeat(20).getBytes(StandardCharsets.UTF_8));
		return """
				From: %s
				To: helpdesk@persocontact.local
				Subject: %s
				Message-ID: <%s@example.org>
				Content-Language: nl
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="b1"

				--b1
				Content-Type: text/plain; charset=utf-8

				Beste, in bijlage mijn attest.
				--b1
				Content-Type: text/plain; name="attest.txt"
				Content-Disposition: attachment; filename="attest.txt"
				Content-Transfer-Encoding: base64

				%s
				--b1--
				""".formatted(from, subject, UUID.randomUUID(), attachment);
	}

}
