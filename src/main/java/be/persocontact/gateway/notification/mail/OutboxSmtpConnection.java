package be.persocontact.gateway.notification.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.component.mail.DefaultJavaMailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The outbox's SMTP sender of one mailbox ({@code javaMailSender} of that mailbox's SMTP endpoint,
 * {@code #outboxSmtpConnection-<id>}, see {@link OutboxSmtpConnections}): one connection, signed in once, carries the mails of
 * one outbox run, instead of a connect, sign-in and quit for every mail. Camel configures it like its
 * own sender (host, port, sign-in, session properties).
 * <p>
 * Each mail still succeeds or fails on its own: after any failure the connection is closed, so the
 * next mail starts on a fresh one and a broken session cannot fail the mails behind it. The
 * connection is closed at the end of every run ({@link #endRun()}), so none lies idle between runs,
 * and after {@value #MAILS_PER_CONNECTION} mails, as servers limit what one session may send.
 */
public class OutboxSmtpConnection extends DefaultJavaMailSender {

	static final int MAILS_PER_CONNECTION = 100;

	private static final Logger log = LoggerFactory.getLogger(OutboxSmtpConnection.class);

	private Transport transport;

	private int sent;

	private int connections;

	@Override
	public synchronized void send(MimeMessage message) throws MessagingException {
		if (message.getSentDate() == null) {
			message.setSentDate(new java.util.Date());
		}
		String messageId = message.getMessageID();
		message.saveChanges();
		if (messageId != null) {
			message.setHeader("Message-ID", messageId);
		}
		try {
			if (this.transport == null || this.sent >= MAILS_PER_CONNECTION) {
				close();
				Transport fresh = getTransport(getSession());
				PasswordAuthentication signIn = getPasswordAuthentication();
				fresh.connect(getHost(), getPort(), signIn.getUserName(), signIn.getPassword());
				this.transport = fresh;
				this.sent = 0;
				this.connections++;
			}
			this.transport.sendMessage(message, message.getAllRecipients());
			this.sent++;
		}
		catch (MessagingException | RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/** Called after each outbox run: the connection is not kept between runs. */
	public synchronized void endRun() {
		close();
	}

	/** How many SMTP connections this sender has opened (for tests and diagnosis). */
	public synchronized int connectionsOpened() {
		return this.connections;
	}

	private void close() {
		Transport open = this.transport;
		this.transport = null;
		if (open != null) {
			try {
				open.close();
			}
			catch (MessagingException ex) {
				log.debug("Closing the outbox's SMTP connection failed; it is dropped", ex);
			}
		}
	}

	@jakarta.annotation.PreDestroy
	void shutDown() {
		endRun();
	}

}
