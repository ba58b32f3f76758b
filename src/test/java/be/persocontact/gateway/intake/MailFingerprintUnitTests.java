package be.persocontact.gateway.intake;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailFingerprintUnitTests {

	private static final String MAIL = """
			From: Anna <anna@example.org>\r
			To: helpdesk@persocontact.local\r
			Subject: Attest\r
			Date: Sun, 29 Nov 2026 10:00:00 +0100\r
			Message-ID: <a1@example.org>\r
			\r
			Hello\r
			""";

	@Test
	void theSameMailDeliveredTwiceHasOneKeyDespiteTraceHeadersAndLineEndings() {
		String first = "Return-Path: <anna@example.org>\r\nReceived: from a by b; Sun, 29 Nov 2026 10:00:01 +0100\r\n"
				+ MAIL;
		String second = ("Received: from c\r\n\tby d; Sun, 29 Nov 2026 10:05:00 +0100\r\nDelivered-To: x@y\r\n" + MAIL)
			.replace("\r\n", "\n");

		assertThat(MailFingerprint.dedupKey(bytes(first))).isEqualTo(MailFingerprint.dedupKey(bytes(second)));
		assertThat(MailFingerprint.sha256(bytes(first))).isNotEqualTo(MailFingerprint.sha256(bytes(second)));
	}

	@Test
	void twoMailsWithTheSameMessageIdButAnotherBodyAreDifferent() {
		assertThat(MailFingerprint.dedupKey(bytes(MAIL)))
			.isNotEqualTo(MailFingerprint.dedupKey(bytes(MAIL.replace("Hello", "Hello again"))));
	}

	@Test
	void twoMailsWithoutMessageIdButAnotherDateAreDifferent() {
		String noId = MAIL.replace("Message-ID: <a1@example.org>\r\n", "");
		assertThat(MailFingerprint.dedupKey(bytes(noId)))
			.isNotEqualTo(MailFingerprint.dedupKey(bytes(noId.replace("10:00:00", "10:00:01"))));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
