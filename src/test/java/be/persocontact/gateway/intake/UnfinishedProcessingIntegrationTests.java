package be.persocontact.gateway.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import be.persocontact.gateway.TicketFixtureTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mail whose processing brings its instance down (out of memory on a huge attachment, a crash, a
 * {@code kill -9} mid-mail) leaves no outcome and no recorded failure: its claim just ends, and it is
 * claimed again. Five such ends ({@code gateway.intake.processing.max-unfinished}) and the next claim
 * quarantines it with the reason instead of processing it a sixth time: one mail cannot take an instance
 * down forever. A mail with fewer such ends is processed as usual. The mails are recorded here as an
 * instance that died would have left them (claimed, lease expired), and the running gateway claims them.
 */
class UnfinishedProcessingIntegrationTests extends TicketFixtureTestSupport {

	@Test
	void aMailWhoseProcessingEndedFiveTimesWithoutAResultIsQuarantinedNotClaimedAgain() {
		long doomed = recordedAsLeftBehind("doomed", 5);
		long unlucky = recordedAsLeftBehind("unlucky", 4);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(row(doomed)).containsEntry("outcome", "QUARANTINED")
				.containsEntry("reason", "processing ended 5 times without a result")
				.containsEntry("claims", 5);
			assertThat(row(unlucky)).containsEntry("outcome", "TICKET_CREATED").containsEntry("claims", 5);
		});
		assertThat(row(doomed).get("ticket_number")).as("no ticket for the quarantined mail").isNull();
	}

	private long recordedAsLeftBehind(String name, int endedClaims) {
		String tag = name + "-" + UUID.randomUUID().toString().substring(0, 8);
		String sender = tag + "@example.org";
		byte[] raw = ("From: Employee <" + sender + ">\r\nTo: helpdesk@persocontact.local\r\nSubject: Attest " + tag
				+ "\r\nMessage-ID: <" + tag + "@example.org>\r\nDate: Mon, 7 Dec 2026 10:00:00 +0100\r\n\r\n"
				+ "Graag een attest.\r\n").getBytes(StandardCharsets.US_ASCII);
		this.jdbc.update("INSERT INTO inbound_message (channel, mailbox, sha256, dedup_key, size_bytes, raw, received_at, "
				+ "outcome, sender, subject, claims, claimed_by, claimed_until) VALUES ('MAIL', 'INBOX', ?, ?, ?, ?, "
				+ "NOW(6), 'RECEIVED', ?, ?, ?, 'an-instance-that-died', DATE_SUB(NOW(6), INTERVAL 1 MINUTE))",
				MailFingerprint.sha256(raw), tag, raw.length, raw, sender, "Attest " + tag, endedClaims);
		return this.jdbc.queryForObject("SELECT id FROM inbound_message WHERE dedup_key = ?", Long.class, tag);
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.queryForMap("SELECT outcome, reason, claims, ticket_number FROM inbound_message WHERE id = ?",
				id);
	}

}
