package be.persocontact.gateway.system.mailsignin;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.MsalServiceException;

/**
 * Microsoft Entra ID's client-credentials flow through MSAL: the app registration proves itself with a
 * secret or with a certificate (a signed client assertion, which MSAL builds), and gets an application
 * token for Exchange Online ({@code https://outlook.office365.com/.default}). Exchange then lets it into
 * the mailboxes its service principal was given ({@code Add-MailboxPermission}). MSAL's own cache is
 * skipped: {@link AccessTokens} decides when a new token is due.
 */
final class EntraTokens implements TokenSource {

	private static final long TIMEOUT_SECONDS = 30;

	private final ConfidentialClientApplication application;

	private final String scope;

	private final String tenantId;

	private final String clientId;

	private final String credentialKind;

	private final Clock clock;

	private EntraTokens(ConfidentialClientApplication application, String tenantId, String clientId,
			String credentialKind, String scope, Clock clock) {
		this.application = application;
		this.tenantId = tenantId;
		this.clientId = clientId;
		this.credentialKind = credentialKind;
		this.scope = scope;
		this.clock = clock;
	}

	/**
	 * Builds the MSAL application; an unreadable certificate file refuses start-up with the file named.
	 * {@code http} replaces MSAL's HTTP client (tests); null keeps MSAL's own.
	 */
	static EntraTokens create(String authority, String tenantId, String clientId, String clientSecret,
			String certificateFile, String certificatePassword, String scope, IHttpClient http, Clock clock) {
		IClientCredential credential = clientSecret != null ? ClientCredentialFactory.createFromSecret(clientSecret)
				: certificate(Path.of(certificateFile), certificatePassword);
		try {
			ConfidentialClientApplication.Builder builder = ConfidentialClientApplication.builder(clientId, credential)
				.authority(authority + "/" + tenantId + "/")
				.connectTimeoutForDefaultHttpClient(10_000)
				.readTimeoutForDefaultHttpClient(20_000)
				.logPii(false);
			if (http != null) {
				builder.httpClient(http);
			}
			return new EntraTokens(builder.build(), tenantId, clientId, clientSecret != null ? "secret" : "certificate",
					scope, clock);
		}
		catch (MalformedURLException | IllegalArgumentException wrong) {
			throw new IllegalArgumentException("GATEWAY_MAIL_OAUTH2_AUTHORITY " + authority + " with tenant " + tenantId
					+ " is no Entra authority: " + wrong.getMessage());
		}
	}

	private static IClientCredential certificate(Path file, String password) {
		String where = "GATEWAY_MAIL_OAUTH2_CERTIFICATE_FILE " + file;
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		try {
			if (name.endsWith(".p12") || name.endsWith(".pfx")) {
				try (InputStream in = Files.newInputStream(file)) {
					return ClientCredentialFactory.createFromCertificate(in, password == null ? "" : password);
				}
			}
			String pem = Files.readString(file);
			return ClientCredentialFactory.createFromCertificateChain(PemFiles.privateKey(pem, where),
					PemFiles.certificates(pem, where));
		}
		catch (IOException | GeneralSecurityException unreadable) {
			throw new IllegalArgumentException(where + " cannot be read (PEM with key and certificate, or PKCS#12 "
					+ "with GATEWAY_MAIL_OAUTH2_CERTIFICATE_PASSWORD): " + unreadable.getClass().getSimpleName());
		}
	}

	@Override
	public AccessToken fetch(String login) throws TokenRequestFailed {
		Instant asked = this.clock.instant();
		IAuthenticationResult result;
		try {
			result = this.application
				.acquireToken(ClientCredentialParameters.builder(Set.of(this.scope)).skipCache(true).build())
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException failed) {
			Throwable cause = failed.getCause() == null ? failed : failed.getCause();
			if (cause instanceof MsalServiceException refused) {
				throw new TokenRequestFailed("Entra ID refused the token request of " + describe() + ": "
						+ refused.errorCode() + " (" + firstLine(refused.getMessage()) + ")");
			}
			throw new TokenRequestFailed("no token from Entra ID for " + describe() + ": "
					+ cause.getClass().getSimpleName() + " (" + firstLine(cause.getMessage()) + ")");
		}
		catch (TimeoutException slow) {
			throw new TokenRequestFailed("Entra ID did not answer within " + TIMEOUT_SECONDS + " s for " + describe());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new TokenRequestFailed("token request to Entra ID interrupted");
		}
		Instant expires = result.expiresOnDate() == null ? asked.plus(TokenEndpoint.UNSTATED_LIFETIME)
				: result.expiresOnDate().toInstant();
		return new AccessToken(result.accessToken(), asked, expires);
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "no detail";
		}
		String line = message.strip().split("\\R", 2)[0];
		return line.length() > 300 ? line.substring(0, 300) + "…" : line;
	}

	@Override
	public String describe() {
		return "Entra ID app " + this.clientId + " of tenant " + this.tenantId + " (" + this.credentialKind + ")";
	}

}
