package be.persocontact.gateway;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;

/** Sends raw mail to the embedded mail server over SMTP and reads mailboxes, as a mail client would. */
public final class MailServerFixture {

	private final GreenMail greenMail;

	private final int smtpPort;

	private final Session session;

	public MailServerFixture(GreenMail greenMail, int smtpPort) {
		this.greenMail = greenMail;
		this.smtpPort = smtpPort;
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.host", "127.0.0.1");
		properties.setProperty("mail.smtp.port", String.valueOf(smtpPort));
		this.session = Session.getInstance(properties);
	}

	/** Sends the mail exactly as written (CRLF line ends added) over SMTP to the given envelope recipient. */
	public void sendRaw(String rawMail, String envelopeRecipient) {
		try {
			MimeMessage message = new MimeMessage(this.session,
					new ByteArrayInputStream(crlf(rawMail).getBytes(StandardCharsets.UTF_8)));
			try (Transport transport = this.session.getTransport("smtp")) {
				transport.connect("127.0.0.1", this.smtpPort, null, null);
				// sendMessage, unlike Transport.send, does not rewrite the Message-ID
				transport.sendMessage(message, new InternetAddress[] { new InternetAddress(envelopeRecipient) });
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Puts the same bytes into a mailbox folder directly, as IMAP APPEND would. */
	public void appendRaw(String rawMail, String mailbox) {
		try {
			user(mailbox).deliver(new MimeMessage(this.session,
					new ByteArrayInputStream(crlf(rawMail).getBytes(StandardCharsets.UTF_8))));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public List<MimeMessage> inbox(String address) {
		return folder(address, "INBOX");
	}

	public List<MimeMessage> folder(String address, String folderName) {
		GreenMailUser user = this.greenMail.getUserManager().getUserByEmail(address);
		if (user == null) {
			return List.of();
		}
		MailFolder folder = this.greenMail.getManagers().getImapHostManager().getFolder(user, folderName);
		return folder == null ? List.of() : folder.getMessages().stream().map(StoredMessage::getMimeMessage).toList();
	}

	public boolean folderExists(String address, String folderName) {
		GreenMailUser user = this.greenMail.getUserManager().getUserByEmail(address);
		return user != null && this.greenMail.getManagers().getImapHostManager().getFolder(user, folderName) != null;
	}

	private GreenMailUser user(String address) throws Exception {
		GreenMailUser user = this.greenMail.getUserManager().getUserByEmail(address);
		return user != null ? user : this.greenMail.setUser(address, address, "any");
	}

	private static String crlf(String text) {
		return text.replace("\r\n", "\n").replace("\n", "\r\n");
	}

}
