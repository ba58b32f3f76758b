package be.persocontact.gateway.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import be.persocontact.gateway.SessionCounter;
import be.persocontact.gateway.TicketFixtureTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A recorded mail is loaded many times for its state (claims, failures, the row lock of its ticket
 * transaction, the operator's views); none of those loads carries the mail itself, which for a scanned
 * document is tens of megabytes that Hibernate would also keep a copy of. Only the reading of the mail
 * reads its bytes, exactly as recorded, and the mail still becomes a ticket. Measured with MariaDB's count
 * of the bytes it sent to this connection.
 */
class RecordedMailLoadIntegrationTests extends TicketFixtureTestSupport {

	@Autowired
	private InboundRecorder recorder;

	@Autowired
	private InboundMessages messages;

	@Autowired
	private StoredMails stored;

	@Autowired
	private InboundPersonalData personalData;

	@Autowired
	private LargeMails largeMails;

	@Test
	void loadingARecordDoesNotCarryItsMailAndReadingTheMailGivesItsBytes() {
		byte[] raw = scan(2 * 1024 * 1024);
		long id = this.recorder.record(new RawMail("helpdesk@test/INBOX", 7L,
				ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE), raw)).id();

		SessionCounter bytesSent = new SessionCounter(this.jdbc, "Bytes_sent");
		this.transaction.execute(status -> {
			long idle = bytesSent.overhead();
			long before = bytesSent.value();
			InboundMessage record = this.messages.findById(id).orElseThrow();
			this.messages.lockById(id).orElseThrow();
			long loads = bytesSent.value() - before - idle;
			assertThat(record.sizeBytes()).isEqualTo(raw.length);
			assertThat(loads).as("bytes MariaDB sent for two loads of the record of a %d-byte mail", raw.length)
				.isLessThan(20_000);

			long beforeMail = bytesSent.value();
			assertThat(Arrays.equals(this.stored.of(id), raw)).as("the stored mail, byte for byte").isTrue();
			assertThat(bytesSent.value() - beforeMail).isGreaterThan(raw.length);
			return null;
		});

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(row(id)).containsEntry("outcome", "TICKET_CREATED"));
		assertThat(row(id).get("ticket_number")).isNotNull();
	}

	/**
	 * An operator's download of a large stored mail (or a subject access report holding it) reads it when
	 * no other large mail is in memory on the instance: the driver holds it twice while it is read.
	 */
	@Test
	void aLargeStoredMailIsReadForTheOperatorWhenNoOtherLargeMailIsInMemory() throws Exception {
		byte[] raw = scan(6 * 1024 * 1024);
		long id = this.recorder.record(new RawMail("helpdesk@test/INBOX", 7L,
				ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE), raw)).id();

		java.util.concurrent.CompletableFuture<java.util.Optional<byte[]>> download;
		try (LargeMails.Permit processing = this.largeMails.enter(20L * 1024 * 1024)) {
			download = java.util.concurrent.CompletableFuture.supplyAsync(() -> this.personalData.raw(id));
			Thread.sleep(500);
			assertThat(download).as("read while another large mail is in memory").isNotDone();
		}
		assertThat(Arrays.equals(download.get(30, java.util.concurrent.TimeUnit.SECONDS).orElseThrow(), raw)).isTrue();
	}

	/** A mail with a scanned document of about {@code size} bytes, base64 in lines of 76. */
	private static byte[] scan(int size) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		byte[] document = new byte[size * 3 / 4];
		ThreadLocalRandom.current().nextBytes(document);
		return ("From: Employee <scan-" + tag + "@example.org>\r\nTo: helpdesk@persocontact.local\r\n"
				+ "Subject: Attest " + tag + "\r\nMessage-ID: <" + tag + "@example.org>\r\n"
				+ "Date: Mon, 7 Dec 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
				+ "Hierbij mijn attest.\r\n--b\r\nContent-Type: application/octet-stream; name=\"scan.bin\"\r\n"
				+ "Content-Disposition: attachment; filename=\"scan.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
				+ Base64.getMimeEncoder().encodeToString(document) + "\r\n--b--\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.queryForMap("SELECT outcome, ticket_number FROM inbound_message WHERE id = ?", id);
	}

}
