package be.persocontact.gateway.system;

import be.persocontact.gateway.system.MailServerSettings.SignInMethod;

/**
 * One entry of {@code gateway.mailboxes[n].*} as configured: what it leaves out comes from
 * {@code gateway.mail.*} (servers, folders, sign-in method and OAuth2 provider), or from the mailbox
 * itself (its login is its address; SMTP signs in as IMAP does).
 *
 * @param oauth2 this mailbox's token provider; when it names no provider, that of
 * {@code gateway.mail.oauth2.*} (one app registration usually serves every mailbox of a tenant)
 */
public record MailboxEntry(String id, String address, String host, String imapProtocol, Integer imapPort,
		String smtpProtocol, Integer smtpPort, String smtpHost, Boolean smtpStarttls, String username, String password,
		String smtpUsername, String smtpPassword, SignInMethod auth, MailOAuth2Settings oauth2, String folder,
		String processedFolder, String quarantineFolder, String defaultQueue, String defaultLanguage) {

	/** The mailbox this entry describes, completed from {@code gateway.mail.*}; refuses one it cannot use. */
	Mailbox toMailbox(int index, MailServerSettings base, String defaultLanguage) {
		String where = "gateway.mailboxes[" + index + "]" + (this.id == null ? "" : " (id '" + this.id + "')");
		if (blank(this.id)) {
			throw new IllegalArgumentException(where + ": id is missing");
		}
		if (blank(this.address)) {
			throw new IllegalArgumentException(where + ": address is missing");
		}
		String host = or(this.host, base.host());
		String imapProtocol = or(this.imapProtocol, base.imapProtocol());
		String smtpProtocol = or(this.smtpProtocol, base.smtpProtocol());
		if (!imapProtocol.matches("imaps?")) {
			throw new IllegalArgumentException(where + ": imap-protocol must be imap or imaps, not " + imapProtocol);
		}
		if (!smtpProtocol.matches("smtps?")) {
			throw new IllegalArgumentException(where + ": smtp-protocol must be smtp or smtps, not " + smtpProtocol);
		}
		String username = or(this.username, this.address.strip());
		SignInMethod auth = this.auth != null ? this.auth : base.auth();
		if (auth == SignInMethod.PASSWORD && blank(this.password)) {
			throw new IllegalArgumentException(where + ": password is missing (auth=password signs in as " + username
					+ " with it; with auth=oauth2 no password is needed)");
		}
		MailOAuth2Settings oauth2 = this.oauth2 != null && this.oauth2.provider() != null ? this.oauth2 : base.oauth2();
		try {
			MailServerSettings server = new MailServerSettings(host, imapProtocol,
					this.imapPort != null ? this.imapPort : base.imapPort(), smtpProtocol,
					this.smtpPort != null ? this.smtpPort : base.smtpPort(), username, this.password, this.address.strip(),
					or(this.folder, base.folder()), or(this.processedFolder, base.processedFolder()),
					or(this.quarantineFolder, base.quarantineFolder()),
					or(this.smtpHost, this.host != null ? host : base.smtpHost()),
					this.smtpStarttls != null ? this.smtpStarttls : base.smtpStarttls(), this.smtpUsername,
					this.smtpPassword, auth, oauth2);
			return new Mailbox(this.id.strip(), server, blank(this.defaultQueue) ? null : this.defaultQueue.strip(),
					or(this.defaultLanguage, defaultLanguage).toLowerCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException refused) {
			// the message says it all, and names the entry; the cause would only hide it
			throw new IllegalArgumentException(where + ": " + refused.getMessage());
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String or(String value, String fallback) {
		return blank(value) ? fallback : value.strip();
	}

}
