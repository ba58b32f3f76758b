package be.persocontact.gateway.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import be.persocontact.gateway.attachment.AttachmentManagement;
import be.persocontact.gateway.ticket.TicketManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Bad input is quarantined at once; a passing fault (database, IO) is tried again, and quarantined
 * only after {@code max-attempts}.
 */
class MailIntakeFailuresUnitTests {

	private static final long ID = 7L;

	private final InboundRecorder recorder = mock(InboundRecorder.class);

	private final InboundMessages messages = mock(InboundMessages.class);

	private final IntakeChain chain = mock(IntakeChain.class);

	private final AttachmentManagement attachments = mock(AttachmentManagement.class);

	private final StoredMails storedMails = mock(StoredMails.class);

	private final LargeMails largeMails = new LargeMails(new IntakeProcessingSettings(Duration.ofMinutes(5),
			Duration.ofSeconds(1), Duration.ofSeconds(2), 4, 5, DataSize.ofMegabytes(5)));

	private final IntakeSettings settings = new IntakeSettings(3, "helpdesk@persocontact.local", "nl",
			DataSize.ofMegabytes(30), 20, Duration.ofHours(1), List.of(), 3, false, 30, 60);

	private final IntakeFailures failures = new IntakeFailures(this.recorder, this.settings,
			new IntakeProcessingSettings(Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(2), 4, 5,
					org.springframework.util.unit.DataSize.ofMegabytes(5)),
			Clock.systemUTC());

	private final MailIntake intake = new MailIntake(this.recorder, this.messages, this.chain,
			mock(ThreadResolver.class), mock(SenderAuthentication.class), this.attachments, mock(MachineMailNotes.class),
			mock(OfficerMail.class), mock(TicketMessages.class), mock(OversizedMail.class), this.failures, this.settings,
			new TransactionTemplate(new NoTransactions()), mock(IntakeMetrics.class),
			new be.persocontact.gateway.system.Mailboxes(List.of(
					new be.persocontact.gateway.system.Mailbox("default", new be.persocontact.gateway.system.MailServerSettings(
							"127.0.0.1", "imap", 3143, "smtp", 3025, "helpdesk@persocontact.local", "helpdesk",
							"helpdesk@persocontact.local", "INBOX", "Processed", "Quarantine", null, false, null, null, null,
							null), null, "nl"))), this.storedMails, this.largeMails);

	@BeforeEach
	void machinesLetEveryMailThrough() {
		when(this.chain.run(any())).thenReturn(IntakeCheck.Decision.CONTINUE);
	}

	@Test
	void aMailWithoutSenderIsQuarantinedOnTheFirstAttemptWithItsReason() {
		RawMail mail = stored("From: undisclosed-recipients:;\r\nSubject: wie?\r\n\r\n?\r\n");

		assertThat(this.intake.receive(mail)).isEqualTo(Disposition.QUARANTINE);

		verify(this.recorder).quarantineUnprocessable(eq(ID),
				org.mockito.ArgumentMatchers.argThat(failure -> failure.reason() == UnprocessableMail.Reason.NO_SENDER
						&& failure.getMessage().contains("undisclosed-recipients")));
		verify(this.recorder, never()).recordFailedAttempt(anyLong(), any());
	}

	@Test
	void aMailWithoutFromHeaderIsQuarantinedAsWithoutSender() {
		RawMail mail = stored("Subject: Scan\r\n\r\nzie bijlage\r\n");

		assertThat(this.intake.receive(mail)).isEqualTo(Disposition.QUARANTINE);

		verify(this.recorder).quarantineUnprocessable(eq(ID),
				org.mockito.ArgumentMatchers.argThat(failure -> failure.reason() == UnprocessableMail.Reason.NO_SENDER
						&& failure.getMessage().contains("none is present")));
	}

	@Test
	void aPassingFaultIsTriedAgainLaterWithABackoffUntilMaxAttempts() {
		RawMail mail = stored("From: anna@example.org\r\nSubject: Attest\r\n\r\nHierbij.\r\n");
		RuntimeException databaseDown = new DataAccessResourceFailureException("Connection refused");
		when(this.attachments.inspect(any())).thenThrow(databaseDown);
		when(this.recorder.recordFailedAttempt(ID, databaseDown)).thenReturn(1, 2, 3);

		assertThat(this.intake.receive(mail)).isEqualTo(Disposition.RETRY_LATER);
		verify(this.recorder).retryAfter(ID, Duration.ofSeconds(2));
		assertThat(this.intake.receive(mail)).isEqualTo(Disposition.RETRY_LATER);
		verify(this.recorder).retryAfter(ID, Duration.ofSeconds(4));
		verify(this.recorder, never()).quarantine(anyLong());
		assertThat(this.intake.receive(mail)).isEqualTo(Disposition.QUARANTINE);

		verify(this.recorder).quarantine(ID);
		verify(this.recorder, never()).quarantineUnprocessable(anyLong(), any());
	}

	@Test
	void whenEvenTheFailureCannotBeRecordedTheErrorReachesTheMailboxWhichKeepsTheMail() {
		RawMail mail = stored("From: anna@example.org\r\nSubject: Attest\r\n\r\nHierbij.\r\n");
		RuntimeException databaseDown = new DataAccessResourceFailureException("Connection refused");
		when(this.attachments.inspect(any())).thenThrow(databaseDown);
		when(this.recorder.recordFailedAttempt(ID, databaseDown)).thenThrow(databaseDown);

		assertThatThrownBy(() -> this.intake.receive(mail)).isSameAs(databaseDown);
		verify(this.recorder, never()).quarantine(anyLong());
	}

	/**
	 * An operator's replay of a large quarantined mail is processing like any other: it waits while another
	 * large mail is in memory on this instance, and only then reads the mail.
	 */
	@Test
	void aReplayOfALargeMailWaitsWhileAnotherLargeMailIsInMemory() throws Exception {
		stored("From: anna@example.org\r\nSubject: scan\r\n\r\nbody\r\n");
		this.messages.findById(ID).orElseThrow().quarantine(Instant.now());
		when(this.storedMails.length(ID)).thenReturn(30L * 1024 * 1024);

		java.util.concurrent.CompletableFuture<?> replay;
		try (LargeMails.Permit processing = this.largeMails.enter(20L * 1024 * 1024)) {
			replay = java.util.concurrent.CompletableFuture.runAsync(() -> this.intake.replay(ID));
			Thread.sleep(500);
			verify(this.storedMails, never()).of(ID);
			assertThat(replay).isNotDone();
		}
		verify(this.storedMails, org.mockito.Mockito.timeout(5_000)).of(ID);
		replay.handle((done, failed) -> null).get();
	}

	private RawMail stored(String text) {
		RawMail mail = new RawMail("helpdesk@test/INBOX", 1L, 42L, text.getBytes(StandardCharsets.UTF_8));
		when(this.recorder.record(mail)).thenReturn(new InboundRecorder.Recorded(ID, false));
		InboundMessage record = new InboundMessage(mail, "sha", "key", Instant.now());
		when(this.messages.findById(ID)).thenReturn(Optional.of(record));
		when(this.messages.peekById(ID)).thenReturn(Optional.of(record));
		when(this.messages.lockById(ID)).thenReturn(Optional.of(record));
		when(this.storedMails.of(ID)).thenReturn(mail.bytes());
		return mail;
	}

	/** The checks under test need a transaction boundary, not a database. */
	private static final class NoTransactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
