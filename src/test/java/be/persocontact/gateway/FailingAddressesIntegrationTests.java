package be.persocontact.gateway;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bounce counts against an address only when it reports one of our own mails to that very address; an
 * address whose mails bounced for good often enough gets no more mail (held, recorded, shown to
 * operators) until an operator clears it.
 */
class FailingAddressesIntegrationTests extends MailIntegrationTestSupport {

	@Value("${gateway.ops.token}")
	private String opsToken;

	@org.springframework.beans.factory.annotation.Autowired
	private be.persocontact.gateway.notification.UndeliverableAddresses undeliverable;

	@Test
	void aForgedBounceCountsNothingAndARealOneCountsOncePerMailOfOurs() throws Exception {
		String anna = unique("anna");
		this.mail.sendRaw(mailFrom(anna, "Anna", "Attest werkgever", "Graag een attest.", "nl"), helpdesk());
		String number = awaitTicketOf(anna);
		String ackId = awaitSingleMail(anna).getMessageID();

		// forged: names Anna, but quotes a Message-ID we never minted
		bounce(anna, "<HRB0000001.acknowledgement.made-up@persocontact.local>", "5.1.1");
		// about our mail to Anna, but names someone else as failed
		String other = unique("other");
		bounce(other, ackId, "5.1.1");
		// about our mail to Anna, a policy refusal: it says nothing about the address
		bounce(anna, ackId, "5.7.1");
		awaitBounces(3);
		assertThat(permanentFailures(anna)).isZero();
		assertThat(permanentFailures(other)).isZero();
		assertThat(notesBesidesRouting(number)).anySatisfy(note -> assertThat(note)
			.startsWith("A delivery report about our mail arrived; the failure it reports is not of an address"));

		bounce(anna, ackId, "5.1.1");
		bounce(anna, ackId, "5.1.1"); // the same mail reported twice counts once
		awaitBounces(5);
		assertThat(permanentFailures(anna)).isOne();
		assertThat(notesBesidesRouting(number)).anySatisfy(
				note -> assertThat(note).startsWith("Our mail could not be delivered to " + anna));
	}

	@Test
	void anAddressWhoseMailsBouncedForGoodGetsNoMoreMailUntilAnOperatorClearsIt() throws Exception {
		String bob = unique("bob");
		for (int i = 1; i <= 3; i++) {
			this.mail.sendRaw(mailFrom(bob, "Bob", "Vraag " + i, "Vraag nummer " + i + ".", "nl"), helpdesk());
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mail.inbox(bob).size() == 3);
		for (MimeMessage ack : this.mail.inbox(bob)) {
			bounce(bob, ack.getMessageID(), "5.1.1");
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> count(
				"SELECT COUNT(*) FROM failing_address WHERE address = ? AND failing_since IS NOT NULL", bob) == 1);

		this.mail.sendRaw(mailFrom(bob, "Bob", "Vraag 4", "Nog een vraag.", "nl"), helpdesk());
		await().atMost(Duration.ofSeconds(30)).until(() -> count(
				"SELECT COUNT(*) FROM outbound_mail WHERE recipient = ? AND status = 'HELD'", bob) == 1);
		String held = this.jdbc.queryForObject(
				"SELECT last_error FROM outbound_mail WHERE recipient = ? AND status = 'HELD'", String.class, bob);
		assertThat(held).contains("address marked failing").contains("3 of our mails bounced for good");
		// the outbox asks about a whole batch at once: only the failing address, as the mail spelled it
		String spelled = bob.toUpperCase(java.util.Locale.ROOT);
		assertThat(this.undeliverable.whyUndeliverable(List.of(spelled, unique("carol"))))
			.containsOnlyKeys(spelled)
			.hasEntrySatisfying(spelled, why -> assertThat(why).isEqualTo(held));
		String fourth = this.jdbc.queryForObject(
				"SELECT number FROM ticket WHERE requester_address = ? AND subject = 'Vraag 4'", String.class, bob);
		assertThat(notesBesidesRouting(fourth)).singleElement()
			.asString()
			.startsWith("Mail \"acknowledgement\" not sent to " + bob);
		Thread.sleep(1500); // several outbox runs: a held mail is never claimed, tried or counted
		assertThat(this.mail.inbox(bob)).hasSize(3);
		assertThat(count("SELECT attempts + claims FROM outbound_mail WHERE recipient = ? AND status = 'HELD'", bob))
			.isZero();

		assertThat(get("/api/ops/failing-addresses").statusCode()).isEqualTo(401);
		HttpResponse<String> list = get("/api/ops/failing-addresses", "Authorization", "Bearer " + this.opsToken);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("\"address\":\"" + bob + "\"").contains("\"heldMails\":1");
		HttpResponse<String> one = get("/api/ops/failing-addresses/" + bob, "Authorization", "Bearer " + this.opsToken);
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(one.body()).contains("\"permanentFailures\":3").contains("\"kind\":\"acknowledgement\"");

		HttpResponse<String> cleared = delete("/api/ops/failing-addresses/" + bob);
		assertThat(cleared.statusCode()).isEqualTo(200);
		assertThat(cleared.body()).contains("\"cleared\":true").contains("\"stillHeld\":1");
		this.mail.sendRaw(mailFrom(bob, "Bob", "Vraag 5", "Werkt het weer?", "nl"), helpdesk());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mail.inbox(bob).size() == 4);
		assertThat(subjects(this.mail.inbox(bob))).anyMatch(subject -> subject.contains("Vraag 5"));

		HttpResponse<String> resent = delete("/api/ops/failing-addresses/" + bob + "?resendHeld=true");
		assertThat(resent.body()).contains("\"resent\":1");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mail.inbox(bob).size() == 5);
		assertThat(subjects(this.mail.inbox(bob))).anyMatch(subject -> subject.contains("Vraag 4"));
		assertThat(delete("/api/ops/failing-addresses/" + bob).statusCode()).isEqualTo(404);
	}

	/** A delivery status report from a mail system, saying our mail {@code messageId} failed for {@code recipient}. */
	private void bounce(String recipient, String messageId, String status) {
		this.mail.sendRaw("""
				Return-Path: <>
				From: Mail Delivery System <%s>
				To: helpdesk@persocontact.local
				Subject: Undelivered Mail Returned to Sender
				Message-ID: <%s@mx.example.org>
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

				--b1
				Content-Type: text/plain

				Your message could not be delivered.

				--b1
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.example.org

				Final-Recipient: rfc822; %s
				Action: failed
				Status: %s

				--b1
				Content-Type: text/rfc822-headers

				From: PersoContact <helpdesk@persocontact.local>
				To: %s
				Message-ID: %s

				--b1--
				""".formatted(this.daemon, UUID.randomUUID(), recipient, status, recipient, messageId), helpdesk());
	}

	/** This test's reporting mail system. */
	private final String daemon = "MAILER-DAEMON@mx-" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";

	private void awaitBounces(int total) {
		await().atMost(Duration.ofSeconds(30)).until(() -> count(
				"SELECT COUNT(*) FROM inbound_message WHERE sender = ? AND outcome = 'IGNORED_BOUNCE'", this.daemon) >= total);
	}

	private int permanentFailures(String address) {
		List<Integer> counted = this.jdbc.queryForList(
				"SELECT permanent_failures FROM failing_address WHERE address = ?", Integer.class, address);
		return counted.isEmpty() ? 0 : counted.get(0);
	}

	private HttpResponse<String> delete(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + this.opsToken)
			.DELETE()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> subjects(List<MimeMessage> messages) {
		return messages.stream().map(MailIntegrationTestSupport::subjectOf).toList();
	}

}
