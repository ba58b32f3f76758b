package be.persocontact.gateway.notification.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
import be.persocontact.gateway.system.Mailbox;
import be.persocontact.gateway.system.Mailboxes;
import be.persocontact.gateway.system.SmtpEndpoints;
import org.apache.camel.Body;
import org.apache.camel.Exchange;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Called by {@code routes/notification-outbox.camel.yaml}: claims due mails, builds each one as a
 * complete MIME message (the SMTP endpoint sends a MimeMessage body as it is), and records the
 * result. The recipient is the outbox row's, which came from the database. Mail about a ticket goes
 * out from the mailbox the ticket came in on (its address in From and in the reply address, through its
 * SMTP server and sign-in, header {@value #SMTP_ENDPOINT}); any other mail from the primary mailbox.
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

	/** The header naming the SMTP endpoint the route sends the built mail to. */
	static final String SMTP_ENDPOINT = "smtpEndpoint";

	/** Exchange property: when the mail being sent was queued (for the outbox's latency metric). */
	static final String QUEUED_AT = "outboxQueuedAt";

	private final Mailboxes mailboxes;

	private final SmtpEndpoints endpoints;

	OutboxMailer(Outbox outbox, NotificationSettings settings, Clock clock, ReplyAddresses replyAddresses,
			ObjectProvider<MailFiles> files, Mailboxes mailboxes, SmtpEndpoints endpoints) {
		this.mailboxes = mailboxes;
		this.endpoints = endpoints;
		this.files = files;
		this.outbox = outbox;
		this.settings = settings;
		this.clock = clock;
		this.replyAddresses = replyAddresses;
	}

	/** The due mails, leased to this run and read with their tickets' mailboxes ({@link Outbox#claimDue}). */
	public List<Outbox.Outgoing> claimDue() {
		return this.outbox.claimDue();
	}

	/**
	 * The mail to send, in header {@value #SMTP_ENDPOINT} the SMTP endpoint of its mailbox and in exchange
	 * property {@value #QUEUED_AT} when it was queued. The claim read the mail and its mailbox; what is read
	 * here is read as the mail is built: the epochs its reply address is signed with (an address withdrawn a
	 * moment ago is not sent), and its files when it carries any.
	 */
	public MimeMessage toMimeMessageOfItsMailbox(@Body Outbox.Outgoing outgoing, Exchange exchange)
			throws MessagingException, UnsupportedEncodingException {
		Mailbox mailbox = this.mailboxes.orPrimary(outgoing.ticketMailbox());
		exchange.getMessage().setHeader(SMTP_ENDPOINT, this.endpoints.uriOf(mailbox));
		exchange.setProperty(QUEUED_AT, outgoing.mail().createdAt());
		return toMimeMessage(outgoing.mail(), mailbox.address());
	}

	/** The mail as it is sent, from the mailbox it goes out from (its ticket's; else the primary one). */
	public MimeMessage toMimeMessage(Long id) throws MessagingException, UnsupportedEncodingException {
		Outbox.Outgoing outgoing = this.outbox.get(id);
		return toMimeMessage(outgoing.mail(), this.mailboxes.orPrimary(outgoing.ticketMailbox()).address());
	}

	private MimeMessage toMimeMessage(OutboundMail mail, String from)
			throws MessagingException, UnsupportedEncodingException {
		MimeMessage message = new MimeMessage(this.session);
		message.setFrom(new InternetAddress(from, this.settings.fromName(), "UTF-8"));
		// replies come back with a token naming the ticket and the recipient we wrote to
		String replyTo = mail.replyTo() != null ? mail.replyTo() : mail.ticketId() == null ? from
				: this.replyAddresses.replyAddress(from, mail.ticketId(), mail.recipient());
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

	public void markSent(Long id, Instant queuedAt) {
		this.outbox.markSent(id, queuedAt);
	}

	public void markFailed(Long id, Exception error) {
		String text = error == null ? "unknown error" : error.getClass().getSimpleName() + ": " + error.getMessage();
		log.warn("Sending outbox mail {} failed, will retry: {}", id, text);
		this.outbox.markAttemptFailed(id, text);
	}

}
