package be.persocontact.gateway.intake.mail;

import java.util.Properties;

import be.persocontact.gateway.system.MailSignIn;

/** Jakarta Mail settings of the IMAP session a mailbox's intake route reads with. */
final class ImapSessionConfiguration {

	private ImapSessionConfiguration() {
	}

	/**
	 * A mail is read whole into memory anyway (it is stored raw); fetching it in 16 KB pieces only
	 * adds a round trip per piece, seven for a mail with a 100 KB PDF. Oversized mail is never read
	 * this way: only its headers are. With OAuth2 the mailbox's sign-in properties join them (XOAUTH2
	 * with its current token on every connection).
	 */
	static Properties imapSessionProperties(MailSignIn signIn) {
		Properties properties = new Properties();
		properties.setProperty("mail.imap.partialfetch", "false");
		properties.setProperty("mail.imaps.partialfetch", "false");
		properties.putAll(signIn.imapProperties());
		return properties;
	}

}
