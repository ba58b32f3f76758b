package be.persocontact.gateway.intake.mail;

import java.util.Properties;

import be.persocontact.gateway.system.MailSignIn;

/** Jakarta Mail settings of the IMAP session a mailbox's intake route reads with. */
final class ImapSessionConfiguration {

	/** Bytes per FETCH of a mail's body. */
	static final int FETCH_SIZE = 1024 * 1024;

	private ImapSessionConfiguration() {
	}

	/**
	 * A mail is fetched in pieces of 1 MB: one round trip for nearly every mail (Jakarta Mail's 16 KB
	 * took seven for a mail with a 100 KB PDF), while a 35 MB scan is not held twice as it is read (a whole
	 * fetch first fills a response buffer of the mail's size, then the copy that is stored). Oversized mail
	 * is never read this way: only its headers are. With OAuth2 the mailbox's sign-in properties join them
	 * (XOAUTH2 with its current token on every connection).
	 */
	static Properties imapSessionProperties(MailSignIn signIn) {
		Properties properties = new Properties();
		for (String protocol : new String[] { "imap", "imaps" }) {
			properties.setProperty("mail." + protocol + ".partialfetch", "true");
			properties.setProperty("mail." + protocol + ".fetchsize", String.valueOf(FETCH_SIZE));
		}
		properties.putAll(signIn.imapProperties());
		return properties;
	}

}
