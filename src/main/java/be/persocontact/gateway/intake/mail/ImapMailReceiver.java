package be.persocontact.gateway.intake.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;

import be.persocontact.gateway.intake.Disposition;
import be.persocontact.gateway.intake.LargeMails;
import be.persocontact.gateway.intake.MailIntake;
import be.persocontact.gateway.intake.RawMail;
import be.persocontact.gateway.intake.RecordedMailProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import be.persocontact.gateway.system.Mailbox;
import be.persocontact.gateway.system.MailServerSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Ordered;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.support.SynchronizationAdapter;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the polled IMAP message as raw bytes (with peek, so reading does not mark it seen), with its
 * UID and UIDVALIDITY, and has intake record it; processing is then any instance's (the poller wakes its
 * own instance's processor at once). Returns the {@link Disposition} the route acts on: a recorded mail
 * is moved to the processed folder once its record committed.
 * <p>
 * One per mailbox ({@code #imapMailReceiver-<id>}, {@link MailboxRoutes}), with its own batch of moves
 * and its own workers: each mailbox's consumer thread is the only one to use them. Counted in
 * {@code gateway.intake.received} (tags {@code mailbox}, {@code disposition}).
 */
public class ImapMailReceiver {

	private static final Logger log = LoggerFactory.getLogger(ImapMailReceiver.class);

	private final MailIntake intake;

	private final String mailbox;

	private final String processedFolder;

	private final String quarantineFolder;

	private final BatchMoves moves = new BatchMoves();

	private final IntakeWorkers workers;

	private final RecordedMailProcessor processor;

	private final String mailboxId;

	/** One large mail in memory at a time on this instance: read here or processed. */
	private final LargeMails largeMails;

	private final java.util.Map<Disposition, Counter> received = new java.util.EnumMap<>(Disposition.class);

	ImapMailReceiver(MailIntake intake, Mailbox mailbox, IntakeWorkers workers, RecordedMailProcessor processor,
			LargeMails largeMails, MeterRegistry meters) {
		MailServerSettings settings = mailbox.server();
		this.intake = intake;
		this.largeMails = largeMails;
		this.workers = workers;
		this.processor = processor;
		this.mailboxId = mailbox.id();
		this.mailbox = mailbox.folderLabel();
		this.processedFolder = settings.processedFolder();
		this.quarantineFolder = settings.quarantineFolder();
		for (Disposition disposition : Disposition.values()) {
			this.received.put(disposition, meters == null ? null : Counter.builder("gateway.intake.received")
				.description("Mails read from a mailbox, by what became of them: recorded (done), quarantined, "
						+ "tried again later")
				.tag("mailbox", mailbox.id())
				.tag("disposition", disposition.name().toLowerCase(java.util.Locale.ROOT))
				.register(meters));
		}
	}

	public Disposition receive(Exchange exchange) throws MessagingException, IOException {
		Message message = exchange.getIn(MailMessage.class).getOriginalMessage();
		// after the exchange (and so our commit) completes, and after the consumer's own completion;
		// registered first, so that a failing mail still ends its batch
		MoveAfterCommit move = new MoveAfterCommit(message, this.moves, this.workers);
		exchange.getExchangeExtension().addOnCompletion(move);
		Disposition disposition = intake(exchange, message, move);
		Counter counter = this.received.get(disposition);
		if (counter != null) {
			counter.increment();
		}
		// recorded: any instance may process it now, this one first
		this.processor.wake();
		move.folder = switch (disposition) {
			case DONE -> this.processedFolder;
			case QUARANTINE -> this.quarantineFolder;
			case RETRY_LATER -> null;
		};
		return disposition;
	}

	private Disposition intake(Exchange exchange, Message message, MoveAfterCommit move)
			throws MessagingException, IOException {
		// Camel reads the mail's headers lazily on the first header access, which throws for a mail
		// whose envelope the server cannot build and would stall the mailbox. Give the exchange its own
		// empty header map: no header of the mail is ever read by Camel, let alone mapped.
		exchange.getIn().setHeaders(new HashMap<>());
		Long uidValidity = null;
		Long uid = null;
		Folder folder = message.getFolder();
		if (folder instanceof UIDFolder uids) {
			uidValidity = uids.getUIDValidity();
			uid = uids.getUID(message);
		}
		move.uidValidity = uidValidity;
		move.uid = uid;
		if (this.workers.parallel()) {
			Integer index = exchange.getProperty(ExchangePropertyKey.BATCH_INDEX, Integer.class);
			if (index == null || index == 0) {
				this.workers.drain(); // nothing of an earlier, unfinished batch is taken for this one's
			}
			if (uid != null && folder instanceof IMAPFolder imap) {
				readAhead(imap, message, remainingInBatch(exchange));
				Disposition handedOver = this.workers.take(key(uidValidity, uid));
				if (handedOver != null) {
					return handedOver;
				}
			}
			// too large, unreadable or not read ahead: on this thread, once the mails before it are done
			this.workers.drain();
		}
		long size = sizeOf(message);
		if (size > this.intake.maxMessageBytes()) {
			return this.intake.recordTooLarge(new RawMail(this.mailbox, uidValidity, uid, headerBlock(message), this.mailboxId), size);
		}
		try (LargeMails.Permit inMemory = this.largeMails.enter(size)) {
			byte[] raw;
			try {
				// BODY.PEEK[]: the bytes as stored, without asking the server to parse the envelope first
				MailBytes out = new MailBytes(size, this.intake.maxMessageBytes());
				message.writeTo(out);
				raw = out.bytes();
			}
			catch (MessagingException | IOException | RuntimeException unreadable) {
				if (uid == null || !message.getFolder().isOpen()) {
					throw unreadable; // the connection is gone: the next poll tries again
				}
				return this.intake.receiveUnreadable(this.mailbox, this.mailboxId, uidValidity, uid, unreadable);
			}
			return this.intake.record(new RawMail(this.mailbox, uidValidity, uid, raw, this.mailboxId));
		}
	}

	/**
	 * Reads this mail and the next ones of the batch (up to the workers' window) on this thread and
	 * hands their bytes to the workers. A large mail ({@link LargeMails}), one of unknown size or one that
	 * cannot be read stops the reading ahead: it is processed on this thread when its exchange comes, as
	 * with one worker.
	 */
	private void readAhead(IMAPFolder folder, Message current, int remaining) {
		try {
			int number = current.getMessageNumber();
			int last = folder.getMessageCount();
			int exchanges = 0; // the next mails Camel turns into exchanges: those not flagged deleted
			for (int n = number; n <= last; n++) {
				Message message = n == number ? current : folder.getMessage(n);
				if (n != number) {
					if (message.isSet(Flags.Flag.DELETED)) {
						continue;
					}
					if (++exchanges > remaining) {
						return;
					}
				}
				long uid = folder.getUID(message);
				String key = key(folder.getUIDValidity(), uid);
				if (this.workers.isHandedOver(key)) {
					continue;
				}
				if (uid < 0) {
					return; // never read past a mail left to the consumer's thread: one sender's mails keep their order
				}
				long size = sizeOf(message);
				if (this.largeMails.isLarge(size) || size > this.intake.maxMessageBytes()
						|| !this.workers.mayReadAhead(size)) {
					// a large mail is read on this thread, when no other large mail is in memory here
					return;
				}
				MailBytes out = new MailBytes(size, this.intake.maxMessageBytes());
				message.writeTo(out);
				RawMail mail = new RawMail(this.mailbox, folder.getUIDValidity(), uid, out.bytes(), this.mailboxId);
				this.workers.handOver(key, mail.bytes(), () -> this.intake.record(mail));
			}
		}
		catch (MessagingException | IOException | RuntimeException unread) {
			// this mail's own exchange reads it again and decides, exactly as with one worker
			log.debug("Reading ahead stopped: {}", unread.toString());
		}
	}

	private static int remainingInBatch(Exchange exchange) {
		Integer index = exchange.getProperty(ExchangePropertyKey.BATCH_INDEX, Integer.class);
		Integer size = exchange.getProperty(ExchangePropertyKey.BATCH_SIZE, Integer.class);
		return index == null || size == null ? 0 : Math.max(0, size - index - 1);
	}

	private static String key(Long uidValidity, long uid) {
		return uidValidity + ":" + uid;
	}

	/**
	 * Hands the mail to the batch's moves once everything else about its exchange is done, and moves
	 * the whole batch after its last mail. A mail left to retry is not moved.
	 */
	private static final class MoveAfterCommit extends SynchronizationAdapter implements Ordered {

		private final Message message;

		private final BatchMoves moves;

		private final IntakeWorkers workers;

		private String folder;

		private Long uidValidity;

		private Long uid;

		MoveAfterCommit(Message message, BatchMoves moves, IntakeWorkers workers) {
			this.message = message;
			this.moves = moves;
			this.workers = workers;
		}

		@Override
		public void onComplete(Exchange exchange) {
			if (this.folder != null) {
				this.moves.add(this.message, this.uidValidity, this.uid, this.folder);
			}
			flushAfterLastOfBatch(exchange);
		}

		@Override
		public void onFailure(Exchange exchange) {
			flushAfterLastOfBatch(exchange);
		}

		private void flushAfterLastOfBatch(Exchange exchange) {
			Boolean last = exchange.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class);
			if (last == null || last) {
				// every mail read ahead is committed, failed or quarantined before anything moves
				this.workers.drain();
				this.moves.flush();
			}
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST;
		}

		@Override
		public boolean allowHandover() {
			return false;
		}

	}

	/** The RFC822.SIZE the server reports, or -1 when it cannot say (then the mail is read and measured). */
	private static long sizeOf(Message message) {
		try {
			return message.getSize();
		}
		catch (MessagingException | RuntimeException ex) {
			return -1;
		}
	}

	/** Only the header block of an oversized mail is fetched: it is never read into memory whole. */
	private static byte[] headerBlock(Message message) throws MessagingException {
		StringBuilder headers = new StringBuilder();
		Enumeration<String> lines = ((MimeMessage) message).getAllHeaderLines();
		while (lines.hasMoreElements()) {
			headers.append(lines.nextElement()).append("\r\n");
		}
		return headers.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
	}

}
