package be.persocontact.gateway.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

import jakarta.mail.PasswordAuthentication;

import be.persocontact.gateway.system.mailsignin.AccessTokens;
import be.persocontact.gateway.system.mailsignin.SignInProperties;
import org.apache.camel.component.mail.MailAuthenticator;

/**
 * How the gateway signs in to one mailbox's IMAP and SMTP servers: with the configured password, or
 * with an OAuth2 access token (SASL XOAUTH2) that is fetched, kept and renewed by its
 * {@link AccessTokens}. The mail routes take the two {@link MailAuthenticator}s (Camel Mail's
 * {@code authenticator} option) and merge {@link #imapProperties()} / {@link #smtpProperties()} into
 * their Jakarta Mail session properties; with both, every new IMAP or SMTP connection signs in with the
 * token that is current at that moment.
 * <p>
 * One per mailbox: today the one of {@code gateway.mail.*}.
 */
public final class MailSignIn {

	private final MailServerSettings settings;

	private final AccessTokens imapTokens;

	private final AccessTokens smtpTokens;

	/** Password sign-in: the routes behave exactly as with Camel's own username and password. */
	static MailSignIn withPassword(MailServerSettings settings) {
		return new MailSignIn(settings, null, null);
	}

	/** OAuth2 sign-in; the two are the same object unless the token depends on the login (Google). */
	static MailSignIn withTokens(MailServerSettings settings, AccessTokens imapTokens, AccessTokens smtpTokens) {
		return new MailSignIn(settings, imapTokens, smtpTokens);
	}

	private MailSignIn(MailServerSettings settings, AccessTokens imapTokens, AccessTokens smtpTokens) {
		this.settings = settings;
		this.imapTokens = imapTokens;
		this.smtpTokens = smtpTokens;
	}

	public boolean usesOAuth2() {
		return this.imapTokens != null;
	}

	/** The IMAP login: the password, or the mailbox with its current token. */
	public MailAuthenticator imapAuthenticator() {
		String login = this.settings.username();
		return usesOAuth2() ? new Login(login, this.imapTokens::heldValue)
				: new Login(login, () -> orEmpty(this.settings.password()));
	}

	/** The SMTP login: the SMTP password, or the SMTP login with its current token. */
	public MailAuthenticator smtpAuthenticator() {
		String login = orEmpty(this.settings.smtpUsername());
		return usesOAuth2() ? new Login(login, this.smtpTokens::heldValue)
				: new Login(login, () -> orEmpty(this.settings.smtpPassword()));
	}

	/** Session properties for IMAP: XOAUTH2 only, and the stores that sign in with the current token. */
	public Properties imapProperties() {
		return usesOAuth2() ? SignInProperties.imap(this.imapTokens) : new Properties();
	}

	/** Session properties for SMTP: STARTTLS when asked for, and with OAuth2 XOAUTH2 only. */
	public Properties smtpProperties() {
		Properties properties = usesOAuth2() ? SignInProperties.smtp(this.smtpTokens) : new Properties();
		if (this.settings.smtpStarttls()) {
			properties.setProperty("mail.smtp.starttls.enable", "true");
			properties.setProperty("mail.smtp.starttls.required", "true");
		}
		return properties;
	}

	/** The token holders of this mailbox (one, or one per login); none with a password. */
	public List<AccessTokens> tokens() {
		List<AccessTokens> tokens = new ArrayList<>();
		if (this.imapTokens != null) {
			tokens.add(this.imapTokens);
		}
		if (this.smtpTokens != null && this.smtpTokens != this.imapTokens) {
			tokens.add(this.smtpTokens);
		}
		return tokens;
	}

	/** The mailbox this sign-in is for, as health and metrics name it. */
	public String mailbox() {
		return this.settings.username();
	}

	private static String orEmpty(String value) {
		// Camel bound an empty endpoint option as "", never null
		return value == null ? "" : value;
	}

	/**
	 * What Camel asks for on every connect. The token given here is only what Camel passes along: the
	 * XOAUTH2 stores and transports sign in with the token current at that moment.
	 */
	private static final class Login extends MailAuthenticator {

		private final String user;

		private final Supplier<String> password;

		Login(String user, Supplier<String> password) {
			this.user = user;
			this.password = password;
		}

		@Override
		public PasswordAuthentication getPasswordAuthentication() {
			return new PasswordAuthentication(this.user, this.password.get());
		}

		@Override
		public String toString() {
			return "MailSignIn.Login[" + this.user + "]";
		}

	}

}
