package be.persocontact.gateway.intake.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;

import be.persocontact.gateway.intake.Disposition;
import be.persocontact.gateway.intake.MailIntake;
import be.persocontact.gateway.intake.RawMail;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import be.persocontact.gateway.system.MailServerSettings;
import org.apache.camel.Ordered;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.support.SynchronizationAdapter;

import org.springframework.stereotype.Component;

/**
 * Reads the polled IMAP message as raw bytes (with peek, so reading does not mark it seen), with its
 * UID and UIDVALIDITY, and passes it to intake. Returns the {@link Disposition} the route acts on.
 */
@Component("imapMailReceiver")
public class ImapMailReceiver {

	private final MailIntake intake;

	private final String mailbox;

	private final String processedFolder;

	private final String quarantineFolder;

	private final BatchMoves moves = new BatchMoves();

	ImapMailReceiver(MailIntake intake, MailServerSettings settings) {
		this.intake = intake;
		this.mailbox = settings.username() + "@" + settings.host() + "/" + settings.folder();
		this.processedFolder = settings.processedFolder();
		this.quarantineFolder = settings.quarantineFolder();
	}

	public Disposition receive(Exchange exchange) throws MessagingException, IOException {
		Message message = exchange.getIn(MailMessage.class).getOriginalMessage();
		// after the exchange (and so our commit) completes, and after the consumer's own completion;
		// registered first, so that a failing mail still ends its batch
		MoveAfterCommit move = new MoveAfterCommit(message, this.moves);
		exchange.getExchangeExtension().addOnCompletion(move);
		Disposition disposition = intake(exchange, message, move);
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
		long size = sizeOf(message);
		if (size > this.intake.maxMessageBytes()) {
			return this.intake.receiveTooLarge(new RawMail(this.mailbox, uidValidity, uid, headerBlock(message)), size);
		}
		byte[] raw;
		try {
			// BODY.PEEK[]: the bytes as stored, without asking the server to parse the envelope first
			ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
			message.writeTo(out);
			raw = out.toByteArray();
		}
		catch (MessagingException | IOException | RuntimeException unreadable) {
			if (uid == null || !message.getFolder().isOpen()) {
				throw unreadable; // the connection is gone: the next poll tries again
			}
			return this.intake.receiveUnreadable(this.mailbox, uidValidity, uid, unreadable);
		}
		return this.intake.receive(new RawMail(this.mailbox, uidValidity, uid, raw));
	}

	/**
	 * Hands the mail to the batch's moves once everything else about its exchange is done, and moves
	 * the whole batch after its last mail. A mail left to retry is not moved.
	 */
	private static final class MoveAfterCommit extends SynchronizationAdapter implements Ordered {

		private final Message message;

		private final BatchMoves moves;

		private String folder;

		private Long uidValidity;

		private Long uid;

		MoveAfterCommit(Message message, BatchMoves moves) {
			this.message = message;
			this.moves = moves;
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
