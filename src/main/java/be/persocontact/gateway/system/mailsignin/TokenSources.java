package be.persocontact.gateway.system.mailsignin;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;

import be.persocontact.gateway.system.MailOAuth2Settings;

/** The {@link TokenSource} the settings ask for; a key or certificate file that cannot be read refuses start-up. */
public final class TokenSources {

	private TokenSources() {
	}

	public static TokenSource of(MailOAuth2Settings settings, Clock clock) {
		HttpClient http = TokenEndpoint.defaultClient();
		return switch (settings.provider()) {
			case ENTRA -> EntraTokens.create(settings.authority(), settings.tenantId(), settings.clientId(),
					settings.clientSecret(), settings.certificateFile(), settings.certificatePassword(),
					settings.scopeOrDefault(), null, clock);
			case GOOGLE -> GoogleServiceAccountTokens.fromKeyFile(Path.of(settings.serviceAccountKeyFile()),
					settings.tokenUrl(), settings.scopeOrDefault(), http, clock);
			case CLIENT_CREDENTIALS -> new ClientCredentialsTokens(
					new TokenEndpoint(URI.create(settings.tokenUrl()), http, clock), settings.clientId(),
					settings.clientSecret(), settings.scopeOrDefault());
		};
	}

}
