package be.persocontact.gateway.system.mailsignin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client-credentials grant (RFC 6749 §4.4) against any token endpoint: the client authenticates
 * with HTTP Basic (§2.3.1), asks for the configured scope, and gets an application token.
 */
final class ClientCredentialsTokens implements TokenSource {

	private final TokenEndpoint endpoint;

	private final String clientId;

	private final String clientSecret;

	private final String scope;

	ClientCredentialsTokens(TokenEndpoint endpoint, String clientId, String clientSecret, String scope) {
		this.endpoint = endpoint;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.scope = scope;
	}

	@Override
	public AccessToken fetch(String login) throws TokenRequestFailed {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		form.put("scope", this.scope);
		return this.endpoint.request(form, this.clientId, this.clientSecret);
	}

	@Override
	public String describe() {
		return "client credentials of " + this.clientId + " at " + this.endpoint.url();
	}

}
