package be.persocontact.gateway;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Replies find their ticket however the client mangles them; machines are never answered. */
class MailThreadingAndLoopsIntegrationTests extends MailIntegrationTestSupport {

	@Test
	void aReplyToTheSignedReplyAddressLandsOnTheTicketEvenWithANewSubjectAndNoHeaders() throws Exception {
		String anna = unique("anna");
		this.mail.sendRaw(mailFrom(anna, "Anna", "Loopbaanonderbreking", "Ik vraag loopbaanonderbreking.", "nl"),
				helpdesk());
		String number = awaitTicketOf(anna);
		MimeMessage ack = awaitSingleMail(anna);
		String replyTo = ((InternetAddress) ack.getReplyTo()[0]).getAddress();
		assertThat(replyTo).matches("helpdesk\\+[a-z2-7]{39}@persocontact\\.local");

		this.mail.sendRaw("""
				From: Anna <%s>
				To: %s
				Subject: mijn documenten
				Message-ID: <%s@example.org>

				Hierbij het akkoord van mijn leidinggevende.
				""".formatted(anna, replyTo, UUID.randomUUID()), replyTo);

		awaitProcessed(anna, 2);
		assertThat(outcomeOfLast(anna)).isEqualTo("APPENDED");
		assertThat(this.jdbc.queryForObject("SELECT thread_rule FROM inbound_message WHERE sender = ? ORDER BY id DESC "
				+ "LIMIT 1", String.class, anna)).isEqualTo("REPLY_TOKEN");
		assertThat(timeline(number, "REQUESTER_MESSAGE")).endsWith("Hierbij het akkoord van mijn leidinggevende.");
	}

	@Test
	void aReplyCarryingOurMessageIdLandsOnTheTicketButAForwardedCopyFromSomeoneElseDoesNot() throws Exception {
		String anna = unique("anna");
		this.mail.sendRaw(mailFrom(anna, "Anna", "Woon-werkverkeer", "Nieuw adres vanaf januari.", "nl"), helpdesk());
		String number = awaitTicketOf(anna);
		String ackId = awaitSingleMail(anna).getMessageID();

		this.mail.sendRaw("""
				From: Anna <%s>
				To: helpdesk@persocontact.local
				Subject: Re: mijn vraag
				In-Reply-To: %s
				References: <unrelated@example.org> %s
				Message-ID: <%s@example.org>

				Het adres is Kerkstraat 1.

				Op ma 30 nov. 2026 om 10:12 schreef PersoContact <helpdesk@persocontact.local>:
				> We hebben uw aanvraag ontvangen.
				""".formatted(anna, ackId, ackId, UUID.randomUUID()), helpdesk());
		awaitProcessed(anna, 2);
		assertThat(outcomeOfLast(anna)).isEqualTo("APPENDED");
		assertThat(timeline(number, "REQUESTER_MESSAGE")).endsWith("Het adres is Kerkstraat 1.");

		String colleague = unique("colleague");
		this.mail.sendRaw("""
				From: %s
				To: helpdesk@persocontact.local
				Subject: Fwd: [%s] Woon-werkverkeer
				In-Reply-To: %s
				Message-ID: <%s@example.org>

				Wat is dit?
				""".formatted(colleague, number, ackId, UUID.randomUUID()), helpdesk());
		String colleaguesTicket = awaitTicketOf(colleague);
		assertThat(colleaguesTicket).isNotEqualTo(number);
		assertThat(timeline(number, "REQUESTER_MESSAGE")).doesNotContain("Wat is dit?");
	}

	@Test
	void anAutoResponderThatAnswersEverythingGetsExactlyOneMailFromUs() throws Exception {
		String robot = unique("robot");
		this.mail.sendRaw(mailFrom(robot, "Robot", "Vraag over mijn loon", "Klopt mijn loonbrief?", "nl"), helpdesk());
		String number = awaitTicketOf(robot);

		// the responder answers every mail it gets, for a bounded while, as badly configured ones do
		Instant until = Instant.now().plusSeconds(6);
		int answered = 0;
		while (Instant.now().isBefore(until)) {
			List<MimeMessage> inbox = this.mail.inbox(robot);
			for (int i = answered; i < inbox.size(); i++) {
				MimeMessage ours = inbox.get(i);
				this.mail.sendRaw("""
						From: Robot <%s>
						To: helpdesk@persocontact.local
						Subject: Automatisch antwoord: %s
						Auto-Submitted: auto-replied
						X-Autoreply: yes
						In-Reply-To: %s
						Message-ID: <%s@example.org>

						Ik ben afwezig tot maandag.
						""".formatted(robot, subjectOf(ours), ours.getMessageID(), UUID.randomUUID()), helpdesk());
			}
			answered = inbox.size();
			Thread.sleep(200);
		}

		awaitProcessed(robot, 2);
		assertThat(this.mail.inbox(robot)).hasSize(1);
		assertThat(answered).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM inbound_message WHERE sender = ? AND outcome = 'IGNORED_AUTO_REPLY'",
				robot)).isOne();
		assertThat(notesBesidesRouting(number)).singleElement().asString().contains("Automatic reply");
		assertThat(count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", robot)).isOne();
	}

	@Test
	void aBounceOfOurAcknowledgementIsNotedOnTheTicketAndCountsAgainstTheAddress() throws Exception {
		String gone = unique("gone");
		this.mail.sendRaw(mailFrom(gone, null, "Attest werkgever", "Graag een attest.", null), helpdesk());
		String number = awaitTicketOf(gone);
		String ackId = awaitSingleMail(gone).getMessageID();

		this.mail.sendRaw("""
				From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
				To: helpdesk@persocontact.local
				Subject: Undelivered Mail Returned to Sender
				Auto-Submitted: auto-replied
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
				Status: 5.1.1

				--b1
				Content-Type: text/rfc822-headers

				From: PersoContact <helpdesk@persocontact.local>
				Message-ID: %s
				Subject: [%s] Attest werkgever

				--b1--
				""".formatted(UUID.randomUUID(), gone, ackId, number), helpdesk());

		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("SELECT COUNT(*) FROM inbound_message WHERE outcome = 'IGNORED_BOUNCE' AND ticket_number = ?",
					number) == 1);
		assertThat(notesBesidesRouting(number)).singleElement().asString().contains("could not be delivered").contains(gone);
		assertThat(count("SELECT permanent_failures FROM failing_address WHERE address = ?", gone)).isOne();
		assertThat(this.mail.inbox("mailer-daemon@mx.example.org")).isEmpty();
	}

	@Test
	void operatorsListQuarantinedMailReadItsRawBytesAndAreToldWhyAReplayFails() throws Exception {
		String marker = UUID.randomUUID().toString();
		this.mail.sendRaw("""
				From: (nobody)
				To: helpdesk@persocontact.local
				Subject: no sender %s
				Message-ID: <%s@example.org>

				?
				""".formatted(marker, marker), helpdesk());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("SELECT COUNT(*) FROM inbound_message WHERE subject = ? AND outcome = 'QUARANTINED'",
					"no sender " + marker) == 1);
		long id = this.jdbc.queryForObject("SELECT id FROM inbound_message WHERE subject = ?", Long.class,
				"no sender " + marker);

		assertThat(get("/api/ops/inbound?outcome=QUARANTINED").statusCode()).isEqualTo(401);
		assertThat(get("/api/ops/inbound?outcome=QUARANTINED", "Authorization", "Bearer wrong").statusCode())
			.isEqualTo(401);
		HttpResponse<String> list = get("/api/ops/inbound?outcome=QUARANTINED", "Authorization",
				"Bearer test-operator-token-0123456789-abcdef");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("no sender " + marker).contains("No usable address in From, Sender or Return-Path").doesNotContain("\"raw\"");

		HttpResponse<String> raw = get("/api/ops/inbound/" + id + "/raw", "Authorization", "Bearer test-operator-token-0123456789-abcdef");
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.headers().firstValue("Content-Type")).get().asString().startsWith("message/rfc822");
		assertThat(raw.body()).contains("Subject: no sender " + marker);

		HttpResponse<String> replay = this.http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/ops/inbound/" + id + "/replay"))
			.header("Authorization", "Bearer test-operator-token-0123456789-abcdef")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(replay.statusCode()).isEqualTo(409);
		assertThat(replay.body()).contains("From");
		assertThat(get("/api/ops/inbound/999999999", "Authorization", "Bearer test-operator-token-0123456789-abcdef").statusCode())
			.isEqualTo(404);
	}

}
