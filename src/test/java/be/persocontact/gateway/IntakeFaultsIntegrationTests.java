package be.persocontact.gateway;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One bad mail never holds up the others. */
class IntakeFaultsIntegrationTests extends MailIntegrationTestSupport {

	@Test
	void onePoisonMailAmongFiftyEndsInQuarantineAndTheOtherFortyNineBecomeTickets() {
		String batch = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 50; i++) {
			if (i == 17) {
				this.mail.sendRaw("""
						From: undisclosed-recipients:;
						To: helpdesk@persocontact.local
						Subject: poison %s
						Message-ID: <poison.%s@example.org>

						?
						""".formatted(batch, batch), helpdesk());
			}
			else {
				this.mail.sendRaw(mailFrom("good" + i + "." + batch + "@example.org", null, "Vraag " + i, "Vraag " + i,
						null), helpdesk());
			}
		}

		await().atMost(Duration.ofSeconds(90))
			.until(() -> count("SELECT COUNT(*) FROM inbound_message WHERE sender LIKE ? AND outcome = 'TICKET_CREATED'",
					"%." + batch + "@example.org") == 49);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("SELECT COUNT(*) FROM inbound_message WHERE subject = ? AND outcome = 'QUARANTINED'",
					"poison " + batch) == 1);
		assertThat(count("SELECT COUNT(*) FROM ticket WHERE requester_address LIKE ?", "%." + batch + "@example.org"))
			.isEqualTo(49);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mail.inbox(helpdesk()).stream().noneMatch(m -> subjectOf(m).contains(batch)
					|| subjectOf(m).startsWith("Vraag ")));
	}

}
