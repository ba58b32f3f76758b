package be.persocontact.gateway.system.mailsignin;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;

import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport, signing in with the login's current access token (SASL XOAUTH2) on every
 * connection, whatever password it was handed. A refused token is reported and, when a new one can be
 * had, tried once more on a new connection. The sign-in properties allow XOAUTH2 only, so the token is
 * never sent as a PLAIN or LOGIN password.
 * <p>
 * Selected by {@code mail.smtp.class} in the session properties of {@link SignInProperties}; registered
 * in {@code META-INF/jakarta.providers}.
 */
public class XOAuth2SmtpTransport extends SMTPTransport {

	/** A token this transport saw refused; Jakarta Mail's own second try is not made with it. */
	private AccessToken refusedHere;

	public XOAuth2SmtpTransport(Session session, URLName url) {
		this(session, url, "smtp", false);
	}

	protected XOAuth2SmtpTransport(Session session, URLName url, String name, boolean ssl) {
		super(session, url, name, ssl);
	}

	@Override
	protected synchronized boolean protocolConnect(String host, int port, String user, String ignoredPassword)
			throws MessagingException {
		AccessTokens tokens = SignInProperties.tokensOf(this.session);
		AccessToken first;
		try {
			first = tokens.current();
		}
		catch (TokenRequestFailed none) {
			throw new MessagingException(none.getMessage());
		}
		if (first == this.refusedHere) {
			throw new AuthenticationFailedException("the SMTP server refused the access token of " + user
					+ " just now; it is not presented again on this connection");
		}
		try {
			return signIn(tokens, host, port, user, first);
		}
		catch (AuthenticationFailedException refused) {
			AccessToken second;
			try {
				second = tokens.current();
			}
			catch (TokenRequestFailed none) {
				throw refused;
			}
			if (second == first) {
				throw refused;
			}

			return signIn(tokens, host, port, user, second);
		}
	}

	private boolean signIn(AccessTokens tokens, String host, int port, String user, AccessToken token)
			throws MessagingException {
		try {
			boolean connected = super.protocolConnect(host, port, user, token.value());
			if (connected) {
				tokens.accepted(token);
			}
			return connected;
		}
		catch (AuthenticationFailedException refused) {
			tokens.refused(token, "smtp");
			this.refusedHere = token;
			throw refused;
		}
	}

	/** The same over implicit TLS ({@code smtps}). */
	public static class Secure extends XOAuth2SmtpTransport {

		public Secure(Session session, URLName url) {
			super(session, url, "smtps", true);
		}

	}

}
