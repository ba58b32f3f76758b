package be.persocontact.gateway.queue;

import java.time.Duration;
import java.util.UUID;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two helpdesk mailboxes side by side on the embedded mail server: the Dutch one (the primary, with the
 * queues' default queue and the gateway's default language) and a French one with its own default queue
 * and language. Each mail's ticket takes its mailbox's queue and language, and everything about it, to
 * the employee and to the officers, goes out from the address it came in on, whose reply addresses lead
 * back to the same ticket.
 */
@TestPropertySource(properties = { "gateway.mailboxes[0].id=nl", "gateway.mailboxes[0].address=helpdesk@persocontact.local",
		"gateway.mailboxes[0].password=helpdesk", "gateway.mailboxes[1].id=fr",
		"gateway.mailboxes[1].address=" + SeveralMailboxesIntegrationTests.FRENCH_DESK,
		"gateway.mailboxes[1].password=fr-secret", "gateway.mailboxes[1].default-queue=salary",
		"gateway.mailboxes[1].default-language=fr" })
class SeveralMailboxesIntegrationTests extends OfficerMailTestSupport {

	static final String FRENCH_DESK = "persocontact-fr@persocontact.local";

	static final String DUTCH_DESK = "helpdesk@persocontact.local";

	@Autowired
	CamelContext camel;

	@Autowired
	MeterRegistry meters;

	@Test
	void eachMailboxHasItsOwnIntakeRouteUnderItsOwnLeader() {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(this.camel.getRouteController().getRouteStatus("mail-intake-nl").isStarted()).isTrue();
			assertThat(this.camel.getRouteController().getRouteStatus("mail-intake-fr").isStarted()).isTrue();
			assertThat(this.meters.get("gateway.intake.leader").tag("mailbox", "nl").gauge().value()).isOne();
			assertThat(this.meters.get("gateway.intake.leader").tag("mailbox", "fr").gauge().value()).isOne();
		});
		assertThat(this.camel.getRoute("mail-intake")).isNull();
	}

	@Test
	void eachMailsTicketTakesItsMailboxsQueueAndLanguageAndIsAcknowledgedFromThatAddress() throws Exception {
		String claire = unique("claire");
		String jan = unique("jan");
		// neither mail declares a language, and no routing rule claims either
		this.mail.sendRaw(mailTo(FRENCH_DESK, claire, "Une question", "J'ai une question sur ma situation."), FRENCH_DESK);
		this.mail.sendRaw(mailTo(DUTCH_DESK, jan, "Vraag", "Ik heb een vraag over mijn situatie en ik wacht op uw antwoord."),
				DUTCH_DESK);

		String french = awaitTicketOf(claire);
		String dutch = awaitTicketOf(jan);
		assertThat(this.jdbc.queryForMap("SELECT mailbox, requester_language, queue_code FROM ticket WHERE number = ?",
				french))
			.containsEntry("mailbox", "fr")
			.containsEntry("requester_language", "fr")
			.containsEntry("queue_code", "salary");
		assertThat(this.jdbc.queryForMap("SELECT mailbox, requester_language, queue_code FROM ticket WHERE number = ?",
				dutch))
			.containsEntry("mailbox", "nl")
			.containsEntry("requester_language", "nl")
			.containsEntry("queue_code", "general");

		MimeMessage frenchAck = awaitMail(claire, french, "acknowledgement");
		assertThat(fromOf(frenchAck)).isEqualTo(FRENCH_DESK);
		assertThat(replyTo(frenchAck)).startsWith("persocontact-fr+").endsWith("@persocontact.local");
		assertThat(frenchAck.getHeader("Content-Language", null)).isEqualTo("fr");
		MimeMessage dutchAck = awaitMail(jan, dutch, "acknowledgement");
		assertThat(fromOf(dutchAck)).isEqualTo(DUTCH_DESK);
		assertThat(replyTo(dutchAck)).startsWith("helpdesk+");
		assertThat(dutchAck.getHeader("Content-Language", null)).isEqualTo("nl");

		// the officers hear of it from the French desk too, and answer through it
		MimeMessage announcement = awaitMail(SALARY, french, "queue-new-ticket");
		assertThat(fromOf(announcement)).isEqualTo(FRENCH_DESK);
		assertThat(replyTo(announcement)).startsWith("persocontact-fr+");
		awaitInbound(reply(SOFIE, announcement, "Bonjour, nous vérifions votre dossier cette semaine.", DMARC_PASS));
		MimeMessage answer = awaitMail(claire, french, "officer-answer");
		assertThat(fromOf(answer)).isEqualTo(FRENCH_DESK);
		assertThat(textOf(answer)).contains("nous vérifions votre dossier");

		// the employee's answer to the French desk's reply address lands on the same ticket
		String[] outcome = awaitInbound(reply(claire, answer, "Merci, voici le document manquant.", ""));
		assertThat(outcome[0]).isEqualTo("APPENDED");
		assertThat(this.jdbc.queryForObject("SELECT ticket_number FROM inbound_message WHERE sender = ? ORDER BY id DESC "
				+ "LIMIT 1", String.class, claire)).isEqualTo(french);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT mailbox_id FROM inbound_message WHERE sender = ?", String.class,
				claire)).containsExactly("fr");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT mailbox_id FROM inbound_message WHERE sender = ?", String.class,
				jan)).containsExactly("nl");
		assertThat(timeline(french, "REQUESTER_MESSAGE")).anySatisfy(text -> assertThat(text).contains("document manquant"));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.meters.get("gateway.intake.received").tag("mailbox", "fr")
				.tag("disposition", "done").counter().count()).isGreaterThanOrEqualTo(3));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.meters.get("gateway.intake.outcomes").tag("mailbox", "fr")
				.tag("outcome", "TICKET_CREATED").counter().count()).isGreaterThanOrEqualTo(1));
	}

	@Test
	void aMailThatDeclaresItsLanguageKeepsItWhateverTheMailbox() {
		String piet = unique("piet");
		this.mail.sendRaw(mailFrom(piet, "Piet", "Een vraag", "Ik heb een vraag over mijn situatie.", "nl")
			.replace("To: helpdesk@persocontact.local", "To: " + FRENCH_DESK), FRENCH_DESK);
		String number = awaitTicketOf(piet);
		assertThat(this.jdbc.queryForMap("SELECT mailbox, requester_language FROM ticket WHERE number = ?", number))
			.containsEntry("mailbox", "fr")
			.containsEntry("requester_language", "nl");
	}

	@Test
	void mailFromAnyOfOurMailboxesIsOurOwnComingBackAndNeverAnswered() {
		String messageId = "<" + UUID.randomUUID() + "@elsewhere.example>";
		this.mail.sendRaw(mailTo(DUTCH_DESK, FRENCH_DESK, "Doorgestuurd", "Een mail van de Franse balie.")
			.replaceFirst("Message-ID: <[^>]+>", "Message-ID: " + messageId), DUTCH_DESK);
		assertThat(awaitInbound(messageId)[0]).isEqualTo("IGNORED_OWN_MAIL");
		assertThat(count("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", FRENCH_DESK)).isZero();
		assertThat(count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", FRENCH_DESK)).isZero();
	}

	private static String mailTo(String desk, String from, String subject, String body) {
		return """
				From: %s
				To: %s
				Subject: %s
				Date: Sun, 29 Nov 2026 10:00:00 +0100
				Message-ID: <%s@example.org>
				Content-Type: text/plain; charset=utf-8
				Content-Transfer-Encoding: 8bit

				%s
				""".formatted(from, desk, subject, UUID.randomUUID(), body);
	}

	private static String fromOf(MimeMessage message) throws Exception {
		return ((InternetAddress) message.getFrom()[0]).getAddress();
	}

}
