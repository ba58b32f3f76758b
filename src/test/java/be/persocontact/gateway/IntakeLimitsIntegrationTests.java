package be.persocontact.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Senders are limited, oversized mail is not read whole, and unauthenticated mail is held. */
@TestPropertySource(properties = { "gateway.intake.max-message-size=40KB", "gateway.intake.new-tickets-per-sender=2",
		"gateway.intake.trusted-authserv-ids=mx.persocontact.local" })
class IntakeLimitsIntegrationTests extends MailIntegrationTestSupport {

	@Test
	void anOversizedMailIsRecordedByItsHeadersRejectedOnceADayAndMovedOn() throws Exception {
		String anna = unique("anna");
		String big = "x".repeat(100) + "\n";
		for (int i = 0; i < 2; i++) {
			this.mail.sendRaw(mailFrom(anna, "Anna", "Scans " + i, big.repeat(600), "nl"), helpdesk());
		}

		awaitProcessed(anna, 2);
		assertThat(count("SELECT COUNT(*) FROM inbound_message WHERE sender = ? AND outcome = 'REJECTED_TOO_LARGE'",
				anna)).isEqualTo(2);
		Map<String, Object> record = this.jdbc.queryForMap(
				"SELECT size_bytes, reason FROM inbound_message WHERE sender = ? ORDER BY id LIMIT 1", anna);
		assertThat(((Number) record.get("size_bytes")).longValue()).isLessThan(2_000);
		assertThat((String) record.get("reason")).contains("bytes");
		assertThat(count("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", anna)).isZero();
		// one polite notice, not two, and it arrives
		assertThat(count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ? AND kind = 'rejection-too-large'", anna))
			.isOne();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.mail.inbox(anna).size() == 1);
		assertThat(subjectOf(this.mail.inbox(anna).get(0))).contains("Scans");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mail.folder(helpdesk(), this.mailSettings.processedFolder())
				.stream()
				.filter(m -> subjectOf(m).startsWith("Scans "))
				.count() >= 2);
	}

	@Test
	void aSenderOpeningMoreTicketsThanAllowedIsRejectedButMayStillReply() throws Exception {
		String busy = unique("busy");
		for (int i = 1; i <= 3; i++) {
			this.mail.sendRaw(mailFrom(busy, null, "Vraag " + i, "Vraag nummer " + i, null), helpdesk());
			int expected = i;
			awaitProcessed(busy, expected);
		}
		assertThat(count("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", busy)).isEqualTo(2);
		assertThat(outcomeOfLast(busy)).isEqualTo("REJECTED_RATE_LIMITED");
		assertThat(count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ? AND kind = 'rejection-rate-limited'",
				busy)).isOne();

		String number = awaitTicketOf(busy);
		this.mail.sendRaw(mailFrom(busy, null, "Re: [" + number + "] Vraag 1", "Nog een detail.", null), helpdesk());
		awaitProcessed(busy, 4);
		assertThat(outcomeOfLast(busy)).isEqualTo("APPENDED");
	}

	@Test
	void mailThatFailedDmarcAtOurServerIsHeldNotTrustedAndNotAnswered() throws Exception {
		String ceo = unique("ceo");
		this.mail.sendRaw("""
				Authentication-Results: mx.persocontact.local; spf=fail smtp.mailfrom=example.org;
				 dkim=none; dmarc=fail (p=reject) header.from=example.org
				From: CEO <%s>
				To: helpdesk@persocontact.local
				Subject: Wijzig mijn rekeningnummer
				Message-ID: <%s@example.org>

				Betaal mijn loon voortaan op BE00 0000 0000 0000.
				""".formatted(ceo, UUID.randomUUID()), helpdesk());

		awaitProcessed(ceo, 1);
		assertThat(outcomeOfLast(ceo)).isEqualTo("QUARANTINED");
		assertThat(this.jdbc.queryForObject("SELECT reason FROM inbound_message WHERE sender = ?", String.class, ceo))
			.startsWith("UNAUTHENTICATED");
		assertThat(count("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", ceo)).isZero();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mail.folder(helpdesk(), this.mailSettings.processedFolder())
				.stream()
				.anyMatch(m -> subjectOf(m).equals("Wijzig mijn rekeningnummer")));
		Thread.sleep(1000);
		assertThat(this.mail.inbox(ceo)).isEmpty();
	}

}
