package be.persocontact.gateway.system.mailsignin;

import java.io.IOException;
import java.util.Properties;
import java.util.function.Consumer;

import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.util.MailLogger;

/**
 * One IMAP connection whose XOAUTH2 sign-in uses the current token, whatever password the store kept.
 * A refused token is reported and, when a new one can be had, tried once more on the same connection
 * (IMAP allows another AUTHENTICATE after a NO).
 */
final class XOAuth2ImapProtocol extends IMAPProtocol {

	private final AccessTokens tokens;

	private final Consumer<AccessToken> refusals;

	XOAuth2ImapProtocol(String name, String host, int port, Properties properties, boolean ssl, MailLogger logger,
			AccessTokens tokens, Consumer<AccessToken> refusals) throws IOException, ProtocolException {
		super(name, host, port, properties, ssl, logger);
		this.tokens = tokens;
		this.refusals = refusals;
	}

	@Override
	public synchronized void authoauth2(String user, String ignoredPassword) throws ProtocolException {
		AccessToken first = token();
		try {
			super.authoauth2(user, first.value());
			this.tokens.accepted(first);
			return;
		}
		catch (CommandFailedException refused) {
			refused(first);
			AccessToken second = renewedAfter(first);
			if (second == null) {
				throw refused;
			}
			try {
				super.authoauth2(user, second.value());
				this.tokens.accepted(second);
			}
			catch (CommandFailedException refusedAgain) {
				refused(second);
				throw refusedAgain;
			}
		}
	}

	private void refused(AccessToken token) {
		this.tokens.refused(token, "imap");
		this.refusals.accept(token);
	}

	private AccessToken token() throws ProtocolException {
		try {
			return this.tokens.current();
		}
		catch (TokenRequestFailed none) {
			throw new ProtocolException(none.getMessage());
		}
	}

	private AccessToken renewedAfter(AccessToken refused) {
		try {
			AccessToken renewed = this.tokens.current();
			return renewed == refused ? null : renewed;
		}
		catch (TokenRequestFailed none) {
			return null;
		}
	}

}
