package be.persocontact.gateway;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import be.persocontact.gateway.attachment.AttachmentManagement;
import be.persocontact.gateway.attachment.IncomingFile;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * The intake of one batch on four workers keeps every per-mail guarantee: a mail stuck reading its
 * attachment holds up none of the others, every mail is moved once and only after its record committed
 * (processing is the processors' work, from the database), and
 * two mails of one sender in the same batch (a new ticket and a mail referring to it) run in order.
 * Each batch is put in the inbox while the intake route is stopped, so that one poll sees all of it.
 */
@TestPropertySource(properties = "gateway.intake.workers=4")
class ParallelIntakeIntegrationTests extends MailIntegrationTestSupport {

	@Autowired
	CamelContext camel;

	@MockitoSpyBean
	AttachmentManagement attachments;

	/** Holds the intake of a mail with an attachment named "slow-…" until released (or 20 s). */
	private final CountDownLatch release = new CountDownLatch(1);

	private final CountDownLatch slowStarted = new CountDownLatch(1);

	@AfterEach
	void releaseAndRestart() throws Exception {
		this.release.countDown();
		if (!this.camel.getRouteController().getRouteStatus("mail-intake").isStarted()) {
			this.camel.getRouteController().startRoute("mail-intake");
		}
	}

	@Test
	void aMailStuckOnItsAttachmentHoldsUpNoneOfItsBatchAndEveryMailIsMovedOnceAfterItsCommit() throws Exception {
		holdSlowMails(Duration.ofSeconds(20));
		String batch = UUID.randomUUID().toString().substring(0, 8);
		int others = 6;
		this.camel.getRouteController().stopRoute("mail-intake");
		this.mail.appendRaw(withAttachment("slow." + batch + "@example.org", "Traag " + batch, "slow-" + batch + ".txt"),
				helpdesk());
		for (int i = 0; i < others; i++) {
			this.mail.appendRaw(mailFrom("fast" + i + "." + batch + "@example.org", null, "Snel " + i + " " + batch,
					"Vraag " + i, null), helpdesk());
		}
		this.camel.getRouteController().startRoute("mail-intake");

		assertThat(this.slowStarted.await(20, TimeUnit.SECONDS)).as("the slow mail's attachment is being read").isTrue();
		// the first mail of the batch is stuck: the others are committed meanwhile, not after it
		await().atMost(Duration.ofSeconds(15))
			.until(() -> count("SELECT COUNT(*) FROM inbound_message WHERE sender LIKE ? AND outcome = 'TICKET_CREATED'",
					"fast%." + batch + "@example.org") == others);
		assertThat(outcomeOfLast("slow." + batch + "@example.org")).isEqualTo("RECEIVED");
		// the poller only records: the slow mail left the inbox once recorded, and waits in the database
		assertThat(subjects(this.mail.inbox(helpdesk()))).noneMatch(s -> s.equals("Traag " + batch));

		this.release.countDown();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("SELECT COUNT(*) FROM inbound_message WHERE sender LIKE ? AND outcome = 'TICKET_CREATED'",
					"%." + batch + "@example.org") == others + 1);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> subjects(this.mail.inbox(helpdesk())).stream().noneMatch(s -> s.endsWith(batch)));
		Thread.sleep(1500); // time for a second ticket, outcome or move, were there one
		assertThat(count("SELECT COUNT(*) FROM inbound_message WHERE sender LIKE ?", "%." + batch + "@example.org"))
			.isEqualTo(others + 1);
		assertThat(count("SELECT COUNT(*) FROM ticket WHERE requester_address LIKE ?", "%." + batch + "@example.org"))
			.isEqualTo(others + 1);
		assertThat(subjects(this.mail.folder(helpdesk(), "Processed")).stream().filter(s -> s.endsWith(batch)))
			.hasSize(others + 1)
			.doesNotHaveDuplicates();
	}

	@Test
	void aNewMailAndAMailReferringToItsTicketInTheSameBatchEndAsOneTicketAndAnAppend() throws Exception {
		// the first mail's intake is slow, so that without ordering per sender the second would overtake it
		holdSlowMails(Duration.ofSeconds(2));
		String batch = UUID.randomUUID().toString().substring(0, 8);
		String sender = "thread." + batch + "@example.org";
		this.camel.getRouteController().stopRoute("mail-intake");
		// the sequence has no cache: the first mail's ticket takes the next number (no other mail is in flight)
		long next = this.jdbc.queryForObject("SELECT NEXTVAL(ticket_number_seq)", Long.class) + 1;
		String number = "HRB%07d".formatted(next);
		this.mail.appendRaw(withAttachment(sender, "Geboorteakte " + batch, "slow-" + batch + ".txt"), helpdesk());
		// another sender's mail in between (an auto-reply: it takes no ticket number), then the reply
		this.mail.appendRaw(mailFrom("other." + batch + "@example.org", null, "Iets anders " + batch, "Vraag", null)
			.replace("Subject:", "Auto-Submitted: auto-replied\nSubject:"), helpdesk());
		this.mail.appendRaw(mailFrom(sender, null, "Re: [" + number + "] Geboorteakte " + batch,
				"Nog een bijlage vergeten", null), helpdesk());
		this.camel.getRouteController().startRoute("mail-intake");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("SELECT COUNT(*) FROM inbound_message WHERE sender = ? AND outcome NOT IN "
					+ "('RECEIVED', 'FAILED')", sender) == 2);
		assertThat(this.jdbc.queryForList("SELECT outcome FROM inbound_message WHERE sender = ? ORDER BY id",
				String.class, sender)).containsExactly("TICKET_CREATED", "APPENDED");
		assertThat(this.jdbc.queryForList("SELECT ticket_number FROM inbound_message WHERE sender = ? ORDER BY id",
				String.class, sender)).containsExactly(number, number);
		assertThat(count("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", sender)).isOne();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> subjects(this.mail.inbox(helpdesk())).stream().noneMatch(s -> s.endsWith(batch)));
	}

	private void holdSlowMails(Duration atMost) {
		doAnswer(invocation -> {
			List<IncomingFile> files = invocation.getArgument(0);
			if (files.stream().anyMatch(file -> file.name() != null && file.name().startsWith("slow-"))) {
				this.slowStarted.countDown();
				this.release.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
			}
			return invocation.callRealMethod();
		}).when(this.attachments).inspect(any());
	}

	private static List<String> subjects(List<MimeMessage> messages) {
		return messages.stream().map(MailIntegrationTestSupport::subjectOf).toList();
	}

	private static String withAttachment(String address, String subject, String fileName) {
		return """
				From: %s
				To: helpdesk@persocontact.local
				Subject: %s
				Date: Sun, 29 Nov 2026 10:00:00 +0100
				Message-ID: <%s@example.org>
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="b1"

				--b1
				Content-Type: text/plain; charset=utf-8

				Hierbij het attest.
				--b1
				Content-Type: text/plain; charset=utf-8; name="%s"
				Content-Disposition: attachment; filename="%s"

				Attest van geboorte.
				--b1--
				""".formatted(address, subject, UUID.randomUUID(), fileName, fileName);
	}

}
