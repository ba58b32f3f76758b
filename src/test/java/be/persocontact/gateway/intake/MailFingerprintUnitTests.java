package be.persocontact.gateway.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

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

	/**
	 * Keys are stored: a mail delivered again after an upgrade must get the key it got before. The key is
	 * computed without copying the mail since a 35 MB scan took six copies of itself; here it is compared
	 * with the former computation (over a String of the whole mail), on every fixture and on 20,000 mails
	 * made of the bytes that matter (CR, LF, colons, white space at line starts and around the body).
	 */
	@Test
	void keysStayWhatTheyWereWhenTheyWereComputedOverACopyOfTheMail() throws IOException {
		List<byte[]> mails = new ArrayList<>();
		try (Stream<Path> fixtures = Files.list(Path.of("src/test/resources/mail"))) {
			fixtures.filter(path -> path.toString().endsWith(".eml")).forEach(path -> mails.add(read(path)));
		}
		assertThat(mails).hasSizeGreaterThan(100);
		byte[] alphabet = "ab:\r\n\t \u000b\u00a0RrEeCcIiVvDd-".getBytes(StandardCharsets.ISO_8859_1);
		Random random = new Random(20261207);
		for (int i = 0; i < 20_000; i++) {
			byte[] mail = new byte[random.nextInt(40)];
			for (int j = 0; j < mail.length; j++) {
				mail[j] = alphabet[random.nextInt(alphabet.length)];
			}
			mails.add(mail);
		}
		mails.add(new byte[0]);
		mails.add(bytes("Received: x\r\n\r\n"));
		mails.add(bytes("\n\nbody"));
		for (byte[] mail : mails) {
			assertThat(MailFingerprint.dedupKey(mail)).as(new String(mail, StandardCharsets.ISO_8859_1))
				.isEqualTo(formerKey(mail));
		}
	}

	/** The computation the stored keys were made with, kept here as the reference. */
	private static String formerKey(byte[] raw) {
		String text = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
		int end = text.indexOf("\n\n");
		String headers = end < 0 ? text : text.substring(0, end + 1);
		String body = end < 0 ? "" : text.substring(end + 2);
		ByteArrayOutputStream kept = new ByteArrayOutputStream();
		Set<String> trace = Set.of("received", "return-path", "delivered-to", "x-original-to", "x-received",
				"authentication-results", "arc-seal", "arc-message-signature", "arc-authentication-results",
				"received-spf", "x-spam-status", "x-spam-score", "x-spam-flag");
		boolean skipping = false;
		for (String line : headers.split("\n", -1)) {
			boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
			if (!continuation) {
				int colon = line.indexOf(':');
				skipping = trace.contains(colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT));
			}
			if (!skipping) {
				kept.writeBytes((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
			}
		}
		kept.writeBytes("\n".getBytes(StandardCharsets.ISO_8859_1));
		kept.writeBytes(body.strip().getBytes(StandardCharsets.ISO_8859_1));
		return MailFingerprint.sha256(kept.toByteArray());
	}

	private static byte[] read(Path path) {
		try {
			return Files.readAllBytes(path);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
