package be.persocontact.gateway.intake.mail;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import be.persocontact.gateway.intake.Disposition;
import be.persocontact.gateway.intake.IntakeProcessingSettings;
import be.persocontact.gateway.intake.LargeMails;
import be.persocontact.gateway.intake.MailIntake;
import be.persocontact.gateway.intake.RecordedMailProcessor;
import be.persocontact.gateway.system.Mailbox;
import be.persocontact.gateway.system.MailServerSettings;
import be.persocontact.gateway.system.Mailboxes;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * While a large mail is processed on an instance (its bytes, files and text in the heap), the next large
 * mail is not read from the mailbox there: two scans side by side ran the shipped heap out of memory. A
 * small mail is read meanwhile. The processors take the same permit ({@code LargeMailProcessingUnitTests}).
 */
class LargeMailReadingUnitTests {

	private static final int MB = 1024 * 1024;

	private final IntakeProcessingSettings settings = new IntakeProcessingSettings(Duration.ofMinutes(5),
			Duration.ofMillis(100), Duration.ofSeconds(2), 4, 5, DataSize.ofMegabytes(5));

	private final LargeMails largeMails = new LargeMails(this.settings);

	private final MailIntake intake = mock(MailIntake.class);

	private final ImapMailReceiver receiver = new ImapMailReceiver(this.intake, mailbox(), new IntakeWorkers(1),
			mock(RecordedMailProcessor.class), this.largeMails, null);

	@Test
	void aLargeMailIsReadOnlyOnceTheLargeMailInProcessingIsDoneAndSmallMailsDoNotWait() throws Exception {
		when(this.intake.maxMessageBytes()).thenReturn(30L * MB);
		when(this.intake.record(any())).thenReturn(Disposition.DONE);
		MimeMessage scan = message(6 * MB);
		MimeMessage question = message(2_000);

		CompletableFuture<Disposition> scanRead;
		try (LargeMails.Permit processing = this.largeMails.enter(20L * MB)) {
			scanRead = CompletableFuture.supplyAsync(() -> receive(scan));
			assertThat(receive(question)).isEqualTo(Disposition.DONE);
			verify(question).writeTo(any());
			Thread.sleep(500);
			verify(scan, never()).writeTo(any());
			assertThat(scanRead).isNotDone();
		}
		verify(scan, timeout(5_000)).writeTo(any());
		assertThat(scanRead.get()).isEqualTo(Disposition.DONE);
	}

	@Test
	void aMailOfUnknownSizeCountsAsLarge() {
		assertThat(this.largeMails.isLarge(-1)).isTrue();
		assertThat(this.largeMails.isLarge(5L * MB)).isFalse();
		assertThat(this.largeMails.isLarge(5L * MB + 1)).isTrue();
	}

	private Disposition receive(MimeMessage message) {
		Exchange exchange = new DefaultExchange(new DefaultCamelContext());
		exchange.setIn(new MailMessage(exchange, message, false));
		try {
			return this.receiver.receive(exchange);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MimeMessage message(int size) throws Exception {
		MimeMessage message = mock(MimeMessage.class);
		when(message.getSize()).thenReturn(size);
		doAnswer(call -> {
			call.<OutputStream>getArgument(0)
				.write("From: a@example.org\r\nSubject: scan\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
			return null;
		}).when(message).writeTo(any());
		return message;
	}

	private static Mailbox mailbox() {
		return new Mailboxes(List.of(new Mailbox("default", new MailServerSettings("127.0.0.1", "imap", 3143, "smtp",
				3025, "helpdesk@persocontact.local", "helpdesk", "helpdesk@persocontact.local", "INBOX", "Processed",
				"Quarantine", null, false, null, null, null, null), null, "nl"))).primary();
	}

}
