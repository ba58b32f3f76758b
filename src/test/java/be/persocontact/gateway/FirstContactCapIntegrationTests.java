package be.persocontact.gateway;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Per-sender limits do nothing against a thousand forged senders: the acknowledgements to addresses the
 * gateway never wrote to are capped per hour. Every mail still becomes a ticket.
 */
@TestPropertySource(properties = { "gateway.notification.first-contacts-per-hour=3",
		// one mail after the other, so that which mails are under the cap is known
		"gateway.intake.workers=1" })
class FirstContactCapIntegrationTests extends MailIntegrationTestSupport {

	@Autowired
	MeterRegistry registry;

	@Test
	void aFloodOfNewSendersIsTicketedButOnlyTheFirstFewAreAcknowledgedWithinTheHour() {
		String[] senders = new String[5];
		for (int i = 0; i < senders.length; i++) {
			senders[i] = unique("flood" + i);
			this.mail.sendRaw(mailFrom(senders[i], null, "Vraag " + i, "Tekst " + i, "nl"), helpdesk());
			awaitTicketOf(senders[i]);
		}

		for (int i = 0; i < senders.length; i++) {
			assertThat(acknowledgementsTo(senders[i])).as(senders[i]).isEqualTo(i < 3 ? 1 : 0);
		}
		assertThat(count("SELECT COUNT(*) FROM timeline_entry e JOIN ticket t ON t.id = e.ticket_id WHERE "
				+ "t.requester_address IN (?, ?) AND e.body LIKE 'No acknowledgement was sent%'", senders[3], senders[4]))
			.isEqualTo(2);
		assertThat(this.registry.counter("gateway.notification.first-contacts.suppressed").count()).isEqualTo(2);

		// someone the gateway already wrote to is no stranger; a stranger stays one
		this.mail.sendRaw(mailFrom(senders[0], null, "Nog een vraag", "Tekst", "nl"), helpdesk());
		this.mail.sendRaw(mailFrom(senders[4], null, "Nog een vraag", "Tekst", "nl"), helpdesk());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("SELECT COUNT(*) FROM ticket WHERE requester_address IN (?, ?)", senders[0],
					senders[4]) == 4);
		assertThat(acknowledgementsTo(senders[0])).isEqualTo(2);
		assertThat(acknowledgementsTo(senders[4])).isZero();
	}

	private int acknowledgementsTo(String address) {
		return count("SELECT COUNT(*) FROM outbound_mail WHERE kind = 'acknowledgement' AND recipient = ?", address);
	}

}
