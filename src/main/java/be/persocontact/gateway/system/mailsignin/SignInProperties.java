package be.persocontact.gateway.system.mailsignin;

import java.util.Properties;

import jakarta.mail.Session;

/**
 * The Jakarta Mail session properties that make a session sign in with XOAUTH2: Angus's IMAP and SMTP
 * take only that mechanism, and the stores and transports of this package, which find their login's
 * {@link AccessTokens} in the same properties, do the signing in.
 */
public final class SignInProperties {

	/** The session property holding the {@link AccessTokens} (an object, not a string). */
	static final String TOKENS = "gateway.mail.oauth2.access-tokens";

	private SignInProperties() {
	}

	public static Properties imap(AccessTokens tokens) {
		Properties properties = new Properties();
		for (String protocol : new String[] { "imap", "imaps" }) {
			properties.setProperty("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
		}
		properties.setProperty("mail.imap.class", XOAuth2ImapStore.class.getName());
		properties.setProperty("mail.imaps.class", XOAuth2ImapStore.Secure.class.getName());
		properties.put(TOKENS, tokens);
		return properties;
	}

	public static Properties smtp(AccessTokens tokens) {
		Properties properties = new Properties();
		for (String protocol : new String[] { "smtp", "smtps" }) {
			properties.setProperty("mail." + protocol + ".auth", "true");
			properties.setProperty("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
		}
		properties.setProperty("mail.smtp.class", XOAuth2SmtpTransport.class.getName());
		properties.setProperty("mail.smtps.class", XOAuth2SmtpTransport.Secure.class.getName());
		properties.put(TOKENS, tokens);
		return properties;
	}

	/** The tokens a session signs in with; a session without them was built without these properties. */
	static AccessTokens tokensOf(Session session) {
		if (session.getProperties().get(TOKENS) instanceof AccessTokens tokens) {
			return tokens;
		}
		throw new IllegalStateException("an XOAUTH2 session without its access tokens (" + TOKENS + ")");
	}

}
