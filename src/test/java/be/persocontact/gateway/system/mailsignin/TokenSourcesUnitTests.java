package be.persocontact.gateway.system.mailsignin;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.security.auth.x500.X500Principal;

import be.persocontact.gateway.TestTokenServer;
import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each provider's token request, against a token endpoint on 127.0.0.1 (client credentials, Google's JWT
 * bearer grant) or with MSAL's HTTP answered in the test (Entra ID): what is sent, what is read back, and
 * that a refusal is reported without the secret.
 */
class TokenSourcesUnitTests {

	private static final String MAILBOX = "helpdesk@persocontact.be";

	private final Clock clock = Clock.systemUTC();

	private final TestTokenServer server;

	@TempDir
	Path dir;

	TokenSourcesUnitTests() throws Exception {
		this.server = new TestTokenServer("gateway-app", "app-secret-4711", MAILBOX);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void clientCredentialsGiveATokenForTheScopeWithTheClientAuthenticated() throws Exception {
		this.server.lifetime(Duration.ofMinutes(10));
		TokenSource source = new ClientCredentialsTokens(endpoint(), "gateway-app", "app-secret-4711", "mail.imap");
		Instant before = Instant.now();
		AccessToken token = source.fetch(MAILBOX);
		assertThat(this.server.issued()).containsExactly(token.value());
		assertThat(token.expiresAt()).isBetween(before.plus(Duration.ofMinutes(10)), Instant.now().plus(Duration.ofMinutes(10)));
		assertThat(this.server.requests().get(0)).containsEntry("grant_type", "client_credentials")
			.containsEntry("scope", "mail.imap")
			.doesNotContainKey("client_secret");
	}

	@Test
	void aRefusedClientIsReportedWithTheEndpointsErrorAndWithoutTheSecret() {
		TokenSource source = new ClientCredentialsTokens(endpoint(), "gateway-app", "wrong-secret-0815", "mail");
		assertThatThrownBy(() -> source.fetch(MAILBOX)).isInstanceOf(TokenRequestFailed.class)
			.hasMessageContaining("answered 401: invalid_client")
			.hasMessageNotContaining("wrong-secret-0815");
		this.server.failWith(503);
		TokenSource right = new ClientCredentialsTokens(endpoint(), "gateway-app", "app-secret-4711", "mail");
		assertThatThrownBy(() -> right.fetch(MAILBOX)).hasMessageContaining("answered 503: temporarily_unavailable");
	}

	@Test
	void anUnreachableEndpointIsReportedAsSuch() {
		TokenEndpoint nowhere = new TokenEndpoint(URI.create("http://127.0.0.1:1/token"), TokenEndpoint.defaultClient(),
				this.clock);
		assertThatThrownBy(() -> new ClientCredentialsTokens(nowhere, "a", "b", null).fetch(MAILBOX))
			.hasMessageContaining("token endpoint http://127.0.0.1:1/token unreachable");
	}

	@Test
	void aGoogleServiceAccountSignsAJwtWithTheMailboxAsSubjectAndGetsItsToken() throws Exception {
		RSAKey key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("key-1").generate();
		this.server.trustServiceAccount(key.toPublicJWK());
		Path file = serviceAccountKey(key, this.server.tokenUrl());
		TokenSource google = GoogleServiceAccountTokens.fromKeyFile(file, null, "https://mail.google.com/",
				TokenEndpoint.defaultClient(), this.clock);

		AccessToken token = google.fetch(MAILBOX);

		assertThat(google.perLogin()).isTrue();
		assertThat(SignedJWT.parse(token.value()).getJWTClaimsSet().getSubject()).isEqualTo(MAILBOX);
		Map<String, String> request = this.server.requests().get(0);
		assertThat(request).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
		SignedJWT assertion = SignedJWT.parse(request.get("assertion"));
		assertThat(assertion.verify(new RSASSAVerifier(key.toPublicJWK()))).isTrue();
		assertThat(assertion.getHeader().getKeyID()).isEqualTo("key-1");
		assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo("gateway@hr-project.iam.gserviceaccount.com");
		assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(MAILBOX);
		assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(this.server.tokenUrl());
		assertThat(assertion.getJWTClaimsSet().getClaim("scope")).isEqualTo("https://mail.google.com/");
		assertThat(Duration.between(assertion.getJWTClaimsSet().getIssueTime().toInstant(),
				assertion.getJWTClaimsSet().getExpirationTime().toInstant())).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aMissingOrForeignKeyFileRefusesStartUpNamingTheSetting() throws Exception {
		assertThatThrownBy(() -> GoogleServiceAccountTokens.fromKeyFile(this.dir.resolve("absent.json"), null, "s",
				TokenEndpoint.defaultClient(), this.clock))
			.hasMessageContaining("GATEWAY_MAIL_OAUTH2_SERVICE_ACCOUNT_KEY_FILE")
			.hasMessageContaining("absent.json");
		Path other = Files.writeString(this.dir.resolve("client.json"), "{\"installed\": {\"client_id\": \"x\"}}");
		assertThatThrownBy(() -> GoogleServiceAccountTokens.fromKeyFile(other, null, "s", TokenEndpoint.defaultClient(),
				this.clock))
			.hasMessageContaining("is not a service account's JSON key");
	}

	@Test
	void entraIdIsAskedForAnExchangeOnlineAppTokenWithTheClientSecret() throws Exception {
		RecordingEntra entra = new RecordingEntra(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"eyJ.entra.token\"}");
		TokenSource source = EntraTokens.create("https://login.microsoftonline.com", "contoso.onmicrosoft.com",
				"11111111-2222-3333-4444-555555555555", "entra-secret-value", null, null,
				"https://outlook.office365.com/.default", entra, this.clock);

		AccessToken token = source.fetch(MAILBOX);

		assertThat(token.value()).isEqualTo("eyJ.entra.token");
		assertThat(Duration.between(Instant.now(), token.expiresAt())).isBetween(Duration.ofMinutes(58), Duration.ofMinutes(60));
		HttpRequest request = entra.tokenRequest();
		assertThat(request.url().toString())
			.isEqualTo("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
		Map<String, String> form = form(request.body());
		assertThat(form).containsEntry("grant_type", "client_credentials")
			.containsEntry("client_id", "11111111-2222-3333-4444-555555555555")
			.containsEntry("client_secret", "entra-secret-value");
		assertThat(form.get("scope")).contains("https://outlook.office365.com/.default");
	}

	@Test
	void entraIdIsAskedWithACertificatesSignedAssertionInsteadOfASecret() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
		Path pem = Files.writeString(this.dir.resolve("gateway.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded())
				+ pem("CERTIFICATE", selfSigned(pair).getEncoded()));
		RecordingEntra entra = new RecordingEntra(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"eyJ.cert.token\"}");
		TokenSource source = EntraTokens.create("https://login.microsoftonline.com", "contoso.onmicrosoft.com",
				"11111111-2222-3333-4444-555555555555", null, pem.toString(), null,
				"https://outlook.office365.com/.default", entra, this.clock);

		assertThat(source.fetch(MAILBOX).value()).isEqualTo("eyJ.cert.token");

		Map<String, String> form = form(entra.tokenRequest().body());
		assertThat(form).doesNotContainKey("client_secret")
			.containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
		assertThat(assertion.verify(new RSASSAVerifier((java.security.interfaces.RSAPublicKey) pair.getPublic()))).isTrue();
		assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo("11111111-2222-3333-4444-555555555555");
	}

	@Test
	void anEntraRefusalIsReportedWithItsCodeAndWithoutTheSecret() throws Exception {
		RecordingEntra entra = new RecordingEntra(401, "{\"error\":\"invalid_client\",\"error_description\":"
				+ "\"AADSTS7000215: Invalid client secret provided.\",\"error_codes\":[7000215]}");
		TokenSource source = EntraTokens.create("https://login.microsoftonline.com", "contoso.onmicrosoft.com",
				"11111111-2222-3333-4444-555555555555", "entra-secret-value", null, null,
				"https://outlook.office365.com/.default", entra, this.clock);
		assertThatThrownBy(() -> source.fetch(MAILBOX)).isInstanceOf(TokenRequestFailed.class)
			.hasMessageContaining("invalid_client")
			.hasMessageContaining("AADSTS7000215")
			.hasMessageNotContaining("entra-secret-value");
	}

	private TokenEndpoint endpoint() {
		return new TokenEndpoint(URI.create(this.server.tokenUrl()), TokenEndpoint.defaultClient(), this.clock);
	}

	private Path serviceAccountKey(RSAKey key, String tokenUri) throws Exception {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", "service_account");
		json.put("project_id", "hr-project");
		json.put("private_key_id", "key-1");
		json.put("private_key", pem("PRIVATE KEY", key.toPrivateKey().getEncoded()));
		json.put("client_email", "gateway@hr-project.iam.gserviceaccount.com");
		json.put("client_id", "1234567890");
		json.put("token_uri", tokenUri);
		return Files.writeString(this.dir.resolve("service-account.json"), JSONObjectUtils.toJSONString(json));
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static java.security.cert.X509Certificate selfSigned(KeyPair pair) throws Exception {
		// a self-signed certificate, as one uploads to the app registration ("Certificates & secrets")
		var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(new X500Principal("CN=persocontact-gateway"),
				BigInteger.ONE, Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plus(Duration.ofDays(1))),
				new X500Principal("CN=persocontact-gateway"), pair.getPublic());
		var signer = new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
		return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(builder.build(signer));
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String field : body.split("&")) {
			int equals = field.indexOf('=');
			form.put(URLDecoder.decode(field.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(field.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return form;
	}

	/** Entra ID as MSAL sees it: instance discovery answered, the token request recorded and answered. */
	private static final class RecordingEntra implements IHttpClient {

		private final int status;

		private final String tokenResponse;

		private final List<HttpRequest> requests = new CopyOnWriteArrayList<>();

		RecordingEntra(int status, String tokenResponse) {
			this.status = status;
			this.tokenResponse = tokenResponse;
		}

		HttpRequest tokenRequest() {
			return this.requests.stream().filter(request -> request.url().getPath().endsWith("/oauth2/v2.0/token"))
				.findFirst()
				.orElseThrow();
		}

		@Override
		public IHttpResponse send(HttpRequest request) {
			this.requests.add(request);
			if (request.url().getPath().endsWith("/discovery/instance")) {
				return response(200, "{\"tenant_discovery_endpoint\":\"https://login.microsoftonline.com/"
						+ "contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration\",\"api-version\":\"1.1\","
						+ "\"metadata\":[{\"preferred_network\":\"login.microsoftonline.com\",\"preferred_cache\":"
						+ "\"login.windows.net\",\"aliases\":[\"login.microsoftonline.com\",\"login.windows.net\"]}]}");
			}
			return response(this.status, this.tokenResponse);
		}

		private static IHttpResponse response(int status, String body) {
			return new IHttpResponse() {

				@Override
				public int statusCode() {
					return status;
				}

				@Override
				public Map<String, List<String>> headers() {
					return Map.of("Content-Type", List.of("application/json"));
				}

				@Override
				public String body() {
					return body;
				}

			};
		}

	}

}
