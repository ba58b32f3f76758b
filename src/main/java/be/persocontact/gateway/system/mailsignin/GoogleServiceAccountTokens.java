package be.persocontact.gateway.system.mailsignin;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A Google service account with domain-wide delegation: a JWT naming the mailbox as its subject, signed
 * with the service account's key, is exchanged for an access token (the JWT bearer grant, RFC 7523
 * §2.1). The Workspace administrator grants the account's client id the scope
 * {@code https://mail.google.com/}; the token then opens that one mailbox.
 */
final class GoogleServiceAccountTokens implements TokenSource {

	static final String GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token";

	/** Google's upper limit for the assertion's lifetime. */
	private static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);

	private final String clientEmail;

	private final String keyId;

	private final RSAPrivateKey key;

	private final TokenEndpoint endpoint;

	private final String scope;

	private final Clock clock;

	private GoogleServiceAccountTokens(String clientEmail, String keyId, RSAPrivateKey key, TokenEndpoint endpoint,
			String scope, Clock clock) {
		this.clientEmail = clientEmail;
		this.keyId = keyId;
		this.key = key;
		this.endpoint = endpoint;
		this.scope = scope;
		this.clock = clock;
	}

	/**
	 * Reads the JSON key file; a file that is missing, unreadable or not a service account key refuses
	 * start-up with the file and setting named. {@code tokenUrl} overrides the file's {@code token_uri}.
	 */
	static GoogleServiceAccountTokens fromKeyFile(Path file, String tokenUrl, String scope,
			java.net.http.HttpClient http, Clock clock) {
		String where = "GATEWAY_MAIL_OAUTH2_SERVICE_ACCOUNT_KEY_FILE " + file;
		String text;
		try {
			text = Files.readString(file);
		}
		catch (IOException unreadable) {
			throw new IllegalArgumentException(where + " cannot be read: " + unreadable.getClass().getSimpleName());
		}
		Map<String, Object> json = TokenEndpoint.json(text);
		if (json == null || !"service_account".equals(json.get("type"))) {
			throw new IllegalArgumentException(where + " is not a service account's JSON key (\"type\": \"service_account\")");
		}
		String email = field(json, "client_email", where);
		String pem = field(json, "private_key", where);
		PrivateKey key = PemFiles.privateKey(pem, where);
		if (!(key instanceof RSAPrivateKey rsa)) {
			throw new IllegalArgumentException(where + ": a service account key is RSA");
		}
		String uri = tokenUrl != null ? tokenUrl
				: json.get("token_uri") instanceof String fromFile && !fromFile.isBlank() ? fromFile : GOOGLE_TOKEN_URI;
		Object keyId = json.get("private_key_id");
		return new GoogleServiceAccountTokens(email, keyId instanceof String id ? id : null, rsa,
				new TokenEndpoint(URI.create(uri), http, clock), scope, clock);
	}

	private static String field(Map<String, Object> json, String name, String where) {
		if (json.get(name) instanceof String value && !value.isBlank()) {
			return value;
		}
		throw new IllegalArgumentException(where + " has no \"" + name + "\"");
	}

	@Override
	public AccessToken fetch(String login) throws TokenRequestFailed {
		Instant now = this.clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.clientEmail)
			.subject(login)
			.audience(this.endpoint.url().toString())
			.claim("scope", this.scope)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
			.jwtID(UUID.randomUUID().toString())
			.build();
		SignedJWT assertion = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(this.keyId).build(), claims);
		try {
			assertion.sign(new RSASSASigner(this.key));
		}
		catch (JOSEException unsignable) {
			throw new TokenRequestFailed("the service account's key cannot sign: " + unsignable.getMessage());
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
		form.put("assertion", assertion.serialize());
		return this.endpoint.request(form, null, null);
	}

	@Override
	public boolean perLogin() {
		return true;
	}

	@Override
	public String describe() {
		return "Google service account " + this.clientEmail + " at " + this.endpoint.url();
	}

}
