package be.persocontact.gateway;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The helpdesk cannot be turned into a relay: acknowledgements carry no link from a stranger's subject,
 * and one ticket or one sender cannot flood the officers with messages.
 */
@TestPropertySource(properties = { "gateway.intake.appends-per-ticket=3", "gateway.intake.appends-per-sender=5" })
class AbuseLimitsIntegrationTests extends MailIntegrationTestSupport {

	@Test
	void anAcknowledgementNeverRepeatsALinkFromTheSubject() throws Exception {
		String victim = unique("victim");
		this.mail.sendRaw(mailFrom(victim, null, "Uw loon: bevestig via https://evil.example/login of loon-portaal.com",
				"Tekst", "nl"), helpdesk());
		String number = awaitTicketOf(victim);

		String subject = this.jdbc.queryForObject("SELECT m.subject FROM outbound_mail m JOIN ticket t ON t.id = m.ticket_id "
				+ "WHERE t.number = ? AND m.kind = 'acknowledgement'", String.class, number);
		String body = this.jdbc.queryForObject("SELECT CONCAT(m.text_body, m.html_body) FROM outbound_mail m JOIN ticket t "
				+ "ON t.id = m.ticket_id WHERE t.number = ? AND m.kind = 'acknowledgement'", String.class, number);
		assertThat(subject).contains("Uw loon: bevestig via [").doesNotContain("evil.example", "loon-portaal.com");
		assertThat(body).doesNotContain("evil.example", "loon-portaal.com");
	}

	@Test
	void aTicketTakesOnlySoManyMessagesPerWindowAndTheSenderIsToldOnce() {
		String chatty = unique("chatty");
		this.mail.sendRaw(mailFrom(chatty, null, "Vraag", "Eerste", "nl"), helpdesk());
		String number = awaitTicketOf(chatty);
		for (int i = 1; i <= 4; i++) {
			this.mail.sendRaw(mailFrom(chatty, null, "Re: [" + number + "] Vraag", "Aanvulling " + i, "nl"), helpdesk());
			awaitProcessed(chatty, i + 1);
		}

		assertThat(timeline(number, "REQUESTER_MESSAGE")).containsExactly("Eerste", "Aanvulling 1", "Aanvulling 2",
				"Aanvulling 3");
		assertThat(outcomeOfLast(chatty)).isEqualTo("REJECTED_RATE_LIMITED");
		assertThat(this.jdbc.queryForObject("SELECT reason FROM inbound_message WHERE sender = ? ORDER BY id DESC LIMIT 1",
				String.class, chatty)).isEqualTo("more than 3 messages on " + number + " in PT1H");
		assertThat(count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ? AND kind = 'rejection-rate-limited'",
				chatty)).isOne();
	}


}
