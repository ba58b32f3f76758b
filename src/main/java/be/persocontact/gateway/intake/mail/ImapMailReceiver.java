package be.persocontact.gateway.intake.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;

import be.persocontact.gateway.intake.Disposition;
import be.persocontact.gateway.intake.MailIntake;
import be.persocontact.gateway.intake.RawMail;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the polled IMAP message as raw bytes (with peek, so reading does not mark it seen), with its
 * UID and UIDVALIDITY, and passes it to intake. Returns the {@link Disposition} the route acts on.
 */
@Component("imapMailReceiver")
public class ImapMailReceiver {

	private final MailIntake intake;

	private final String mailbox;

	ImapMailReceiver(MailIntake intake, @Value("${gateway.mail.username}") String username,
			@Value("${gateway.mail.host}") String host, @Value("${gateway.mail.folder}") String folder) {
		this.intake = intake;
		this.mailbox = username + "@" + host + "/" + folder;
	}

	public Disposition receive(Exchange exchange) throws MessagingException, IOException {
		Message message = exchange.getIn(MailMessage.class).getOriginalMessage();
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

}
