package be.persocontact.gateway.notification.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import be.persocontact.gateway.access.ReplyAddresses;
import be.persocontact.gateway.notification.MailFiles;
import be.persocontact.gateway.notification.NotificationSettings;
import be.persocontact.gateway.notification.OutboundMail;
import be.persocontact.gateway.notification.Outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Called by {@code routes/notification-outbox.camel.yaml}: claims due mails, builds each one as a
 * complete MIME message (the SMTP endpoint sends a MimeMessage body as it is), and records the
 * result. The recipient is the outbox row's, which came from the database.
 */
@Component("outboxMailer")
public class OutboxMailer {

	private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);

	private final Outbox outbox;

	private final NotificationSettings settings;

	private final Session session = Session.getInstance(new Properties());

	private final Clock clock;

	private final ReplyAddresses replyAddresses;

	private final ObjectProvider<MailFiles> files;

	OutboxMailer(Outbox outbox, NotificationSettings settings, Clock clock, ReplyAddresses replyAddresses,
			ObjectProvider<MailFiles> files) {
		this.files = files;
		this.outbox = outbox;
		this.settings = settings;
		this.clock = clock;
		this.replyAddresses = replyAddresses;
	}

	public List<Long> claimDue() {
		return this.outbox.claimDue();
	}

	public MimeMessage toMimeMessage(Long id) throws MessagingException, UnsupportedEncodingException {
		OutboundMail mail = this.outbox.get(id);
		MimeMessage message = new MimeMessage(this.session);
		message.setFrom(new InternetAddress(this.settings.fromAddress(), this.settings.fromName(), "UTF-8"));
		// replies come back with a token naming the ticket and the recipient we wrote to
		String replyTo = mail.replyTo() != null ? mail.replyTo() : mail.ticketId() == null ? this.settings.fromAddress()
				: this.replyAddresses.replyAddress(this.settings.fromAddress(), mail.ticketId(), mail.recipient());
		message.setReplyTo(new InternetAddress[] { new InternetAddress(replyTo) });
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient(), true));
		message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
		message.setSentDate(Date.from(this.clock.instant()));
		message.setHeader("Message-ID", mail.messageId());
		if (mail.inReplyTo() != null) {
			message.setHeader("In-Reply-To", mail.inReplyTo());
			message.setHeader("References", mail.inReplyTo());
		}
		// RFC 3834: we are a machine; well-behaved responders stay silent, Exchange included.
		message.setHeader("Auto-Submitted", "auto-generated");
		message.setHeader("X-Auto-Response-Suppress", "All");
		message.setHeader("Content-Language", mail.language());

		MimeBodyPart text = new MimeBodyPart();
		text.setText(mail.textBody(), StandardCharsets.UTF_8.name(), "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(mail.htmlBody(), StandardCharsets.UTF_8.name(), "html");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		List<MailFiles.File> attached = attachments(mail);
		if (attached.isEmpty()) {
			message.setContent(alternative);
		}
		else {
			MimeMultipart mixed = new MimeMultipart("mixed");
			MimeBodyPart body = new MimeBodyPart();
			body.setContent(alternative);
			mixed.addBodyPart(body);
			for (MailFiles.File file : attached) {
				MimeBodyPart part = new MimeBodyPart();
				part.setDataHandler(new jakarta.activation.DataHandler(
						new jakarta.mail.util.ByteArrayDataSource(file.content(), file.mediaType())));
				part.setFileName(file.name()); // RFC 2231-encoded when not ASCII
				part.setDisposition(jakarta.mail.Part.ATTACHMENT);
				mixed.addBodyPart(part);
			}
			message.setContent(mixed);
		}
		message.saveChanges();
		message.setHeader("Message-ID", mail.messageId());
		return message;
	}

	/** The ticket's files, when the mail asks for them (an announcement to a queue that wants files). */
	private List<MailFiles.File> attachments(OutboundMail mail) {
		MailFiles source = this.files.getIfAvailable();
		if (mail.attachFilesMax() == null || mail.ticketId() == null || source == null) {
			return List.of();
		}
		return mail.attachInboundId() == null ? source.filesOf(mail.ticketId(), mail.attachFilesMax())
				: source.filesOf(mail.ticketId(), mail.attachInboundId(), mail.attachFilesMax());
	}

	public void markSent(Long id) {
		this.outbox.markSent(id);
	}

	public void markFailed(Long id, Exception error) {
		String text = error == null ? "unknown error" : error.getClass().getSimpleName() + ": " + error.getMessage();
		log.warn("Sending outbox mail {} failed, will retry: {}", id, text);
		this.outbox.markAttemptFailed(id, text);
	}

}
