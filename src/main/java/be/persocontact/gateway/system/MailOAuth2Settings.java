package be.persocontact.gateway.system;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the mailbox's access token comes from ({@code gateway.mail.oauth2.*}), used when
 * {@code gateway.mail.auth=oauth2}. Every provider is a flow without a person: the gateway is an
 * application signing in to a mailbox it was given, never a user's delegate.
 *
 * @param provider {@code entra} (Microsoft Entra ID, client credentials with a secret or a certificate),
 * {@code google} (a service account with domain-wide delegation, the mailbox as subject) or
 * {@code client-credentials} (any OAuth2 token endpoint, RFC 6749 §4.4)
 * @param tenantId Entra: the directory (tenant) id or domain
 * @param clientId Entra and client-credentials: the application (client) id
 * @param clientSecret Entra and client-credentials: the client secret (Entra: or a certificate instead)
 * @param certificateFile Entra: a PEM file with the private key (PKCS#8) and its certificate, or a
 * PKCS#12 file ({@code .p12}/{@code .pfx}), instead of a secret
 * @param certificatePassword the PKCS#12 file's password
 * @param serviceAccountKeyFile Google: the service account's JSON key file
 * @param tokenUrl client-credentials: the token endpoint; Google: overrides the key file's
 * {@code token_uri}
 * @param scope the scope asked for; by default Entra's {@code https://outlook.office365.com/.default},
 * Google's {@code https://mail.google.com/}, none for client-credentials
 * @param authority Entra: the sign-in host, {@code https://login.microsoftonline.com} unless a national
 * cloud's
 * @param renewBefore a token is renewed this long before it expires (at most half its lifetime)
 */
public record MailOAuth2Settings(Provider provider, String tenantId, String clientId, String clientSecret,
		String certificateFile, String certificatePassword, String serviceAccountKeyFile, String tokenUrl,
		String scope, @DefaultValue("https://login.microsoftonline.com") String authority,
		@DefaultValue("PT5M") Duration renewBefore) {

	/** Who issues the access token. */
	public enum Provider {

		ENTRA, GOOGLE, CLIENT_CREDENTIALS;

		/** The name as it is written in the settings. */
		public String settingValue() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	public MailOAuth2Settings {
		tenantId = trimmed(tenantId);
		clientId = trimmed(clientId);
		clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
		certificateFile = trimmed(certificateFile);
		serviceAccountKeyFile = trimmed(serviceAccountKeyFile);
		tokenUrl = trimmed(tokenUrl);
		scope = trimmed(scope);
		authority = authority == null || authority.isBlank() ? "https://login.microsoftonline.com"
				: authority.strip().replaceAll("/+$", "");
		renewBefore = renewBefore == null ? Duration.ofMinutes(5) : renewBefore;
	}

	/** The scope to ask for, the provider's default when none is set. */
	public String scopeOrDefault() {
		if (this.scope != null) {
			return this.scope;
		}
		return switch (this.provider) {
			case ENTRA -> "https://outlook.office365.com/.default";
			case GOOGLE -> "https://mail.google.com/";
			case CLIENT_CREDENTIALS -> null;
		};
	}

	/** Refuses start-up, naming the setting, when the chosen provider misses one. */
	void checkComplete() {
		if (this.provider == null) {
			throw new IllegalArgumentException("GATEWAY_MAIL_AUTH=oauth2 needs GATEWAY_MAIL_OAUTH2_PROVIDER "
					+ "(gateway.mail.oauth2.provider): entra, google or client-credentials");
		}
		if (this.renewBefore.isNegative() || this.renewBefore.isZero()) {
			throw new IllegalArgumentException("GATEWAY_MAIL_OAUTH2_RENEW_BEFORE must be positive, not " + this.renewBefore);
		}
		switch (this.provider) {
			case ENTRA -> {
				require(this.tenantId, "tenant-id", "the directory (tenant) id of the app registration");
				require(this.clientId, "client-id", "the application (client) id of the app registration");
				if ((this.clientSecret == null) == (this.certificateFile == null)) {
					throw new IllegalArgumentException("GATEWAY_MAIL_OAUTH2_PROVIDER=entra needs exactly one of "
							+ "GATEWAY_MAIL_OAUTH2_CLIENT_SECRET (gateway.mail.oauth2.client-secret) and "
							+ "GATEWAY_MAIL_OAUTH2_CERTIFICATE_FILE (gateway.mail.oauth2.certificate-file)"
							+ (this.clientSecret == null ? "; neither is set" : "; both are set"));
				}
				requireHttps(this.authority, "GATEWAY_MAIL_OAUTH2_AUTHORITY");
			}
			case GOOGLE -> {
				require(this.serviceAccountKeyFile, "service-account-key-file",
						"the service account's JSON key file");
				if (this.tokenUrl != null) {
					requireHttps(this.tokenUrl, "GATEWAY_MAIL_OAUTH2_TOKEN_URL");
				}
			}
			case CLIENT_CREDENTIALS -> {
				require(this.tokenUrl, "token-url", "the token endpoint");
				require(this.clientId, "client-id", "the client id");
				require(this.clientSecret, "client-secret", "the client secret");
				requireHttps(this.tokenUrl, "GATEWAY_MAIL_OAUTH2_TOKEN_URL");
			}
		}
	}

	private void require(String value, String key, String what) {
		if (value == null) {
			throw new IllegalArgumentException("GATEWAY_MAIL_OAUTH2_PROVIDER=" + this.provider.settingValue() + " needs "
					+ environmentName(key) + " (gateway.mail.oauth2." + key + "): " + what);
		}
	}

	/** The client secret and assertions cross the network: encrypted, unless they stay on this machine. */
	private static void requireHttps(String url, String setting) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException malformed) {
			throw new IllegalArgumentException(setting + " is not a URL: " + url);
		}
		boolean https = "https".equalsIgnoreCase(uri.getScheme());
		boolean localHttp = "http".equalsIgnoreCase(uri.getScheme()) && MailServerSettings.isLoopback(uri.getHost());
		if (uri.getHost() == null || !(https || localHttp)) {
			throw new IllegalArgumentException(setting + " must be an https:// URL (http only on this machine), not "
					+ url);
		}
	}

	static String environmentName(String key) {
		return "GATEWAY_MAIL_OAUTH2_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
	}

	private static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
