package be.persocontact.gateway.system.mailsignin;

import java.io.IOException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;

import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/**
 * Angus Mail's IMAP store, signing every connection in with the login's current access token (SASL
 * XOAUTH2). Angus keeps the password of the first connect and reuses it for every later connection of
 * the store (a folder opened beside the store's own connection, a reconnect), which for a token means
 * an expired one after an hour; here each connection asks {@link AccessTokens} instead. A server that
 * does not offer XOAUTH2 is refused before anything is sent, so the token never goes out as a LOGIN
 * password.
 * <p>
 * Selected by {@code mail.imap.class} in the session properties of {@link SignInProperties}, which also
 * carry the {@link AccessTokens}; registered in {@code META-INF/jakarta.providers}.
 */
public class XOAuth2ImapStore extends IMAPStore {

	/** A token a connection of this store saw refused; Jakarta Mail's own second try is not made with it. */
	private volatile AccessToken refusedHere;

	public XOAuth2ImapStore(Session session, URLName url) {
		this(session, url, "imap", false);
	}

	protected XOAuth2ImapStore(Session session, URLName url, String name, boolean ssl) {
		super(session, url, name, ssl);
	}

	@Override
	protected synchronized boolean protocolConnect(String host, int port, String user, String password)
			throws MessagingException {
		AccessToken refused = this.refusedHere;
		if (refused != null && refused == SignInProperties.tokensOf(this.session).held()) {
			throw new AuthenticationFailedException("the IMAP server refused the access token of " + user
					+ " just now; it is not presented again on this connection");
		}
		return super.protocolConnect(host, port, user, password);
	}

	@Override
	protected IMAPProtocol newIMAPProtocol(String host, int port) throws IOException, ProtocolException {
		return new XOAuth2ImapProtocol(this.name, host, port, this.session.getProperties(), this.isSSL, this.logger,
				SignInProperties.tokensOf(this.session), token -> this.refusedHere = token);
	}

	@Override
	protected void preLogin(IMAPProtocol protocol) throws ProtocolException {
		if (!protocol.hasCapability("AUTH=XOAUTH2")) {
			throw new ProtocolException("the IMAP server does not offer AUTH=XOAUTH2; the access token is not sent");
		}
	}

	/** The same over implicit TLS ({@code imaps}). */
	public static class Secure extends XOAuth2ImapStore {

		public Secure(Session session, URLName url) {
			super(session, url, "imaps", true);
		}

	}

}
