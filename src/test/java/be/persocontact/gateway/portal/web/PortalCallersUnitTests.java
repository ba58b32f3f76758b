package be.persocontact.gateway.portal.web;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import be.persocontact.gateway.portal.PortalSettings;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production set-up of the portal API: a bearer JWT of the configured issuer and audience, checked
 * against the issuer's published keys (served here on the loopback interface), let in only from the
 * configured client with the configured scope; and the embedded set-up, a static key compared as a whole,
 * which acts for any employee.
 */
class PortalCallersUnitTests {

	static final String ISSUER = "https://idp.persocontact.test";

	static final RSAKey PORTAL_KEY = generate("portal-key");

	static final RSAKey STRANGER_KEY = generate("stranger-key");

	static final HttpServer KEYS = serveKeys();

	@AfterAll
	static void stopKeys() {
		KEYS.stop(0);
	}

	static final String KEY_SET = "http://127.0.0.1:" + KEYS.getAddress().getPort() + "/jwks.json";

	private final AuthenticationManager jwtCallers = PortalApiSecurity.jwtCallers(
			new PortalSettings.Jwt(ISSUER, KEY_SET, "persocontact-gateway", List.of("hr-portal"), "helpdesk", null, null));

	@Test
	void aTokenOfTheIssuerForTheGatewayFromTheConfiguredClientWithTheScopeLetsThePortalIn() throws Exception {
		Authentication portal = this.jwtCallers
			.authenticate(new BearerTokenAuthenticationToken(token(PORTAL_KEY, ISSUER, "persocontact-gateway", 300)));
		assertThat(portal.isAuthenticated()).isTrue();
		assertThat(portal.getName()).isEqualTo("hr-portal");
		assertThat(portal.getAuthorities()).extracting(Object::toString)
			.contains(PortalApiSecurity.AUTHORITY)
			.doesNotContain(PortalApiSecurity.ON_BEHALF_OF_ANY_EMPLOYEE);
	}

	@Test
	void aGenuineTokenOfAnotherClientOrWithoutTheScopeIsNotLetIn() throws Exception {
		for (Map<String, Object> claims : List.<Map<String, Object>>of(Map.of("azp", "payroll-app", "scope", "helpdesk"),
				Map.of("client_id", "payroll-app", "scope", "helpdesk"), Map.of("azp", "hr-portal", "scope", "profile email"),
				Map.of("azp", "hr-portal"))) {
			Authentication caller = this.jwtCallers.authenticate(
					new BearerTokenAuthenticationToken(token(PORTAL_KEY, ISSUER, "persocontact-gateway", 300, claims)));
			assertThat(caller.getAuthorities()).as("%s", claims)
				.extracting(Object::toString)
				.doesNotContain(PortalApiSecurity.AUTHORITY, PortalApiSecurity.ON_BEHALF_OF_ANY_EMPLOYEE);
		}
	}

	@Test
	void onlyTheOnBehalfOfScopeLetsATokenActForAnyEmployee() throws Exception {
		Authentication backEnd = this.jwtCallers.authenticate(new BearerTokenAuthenticationToken(token(PORTAL_KEY, ISSUER,
				"persocontact-gateway", 300, Map.of("client_id", "hr-portal", "scp", List.of("helpdesk", "persocontact.on-behalf-of")))));
		assertThat(backEnd.getAuthorities()).extracting(Object::toString)
			.contains(PortalApiSecurity.AUTHORITY, PortalApiSecurity.ON_BEHALF_OF_ANY_EMPLOYEE);
	}

	@Test
	void aJwtSetUpWithoutIssuerAudienceOrClientAndScopeStopsStartUpSayingWhatIsMissing() {
		assertThatThrownBy(() -> new PortalSettings.Jwt(null, KEY_SET, "persocontact-gateway", List.of("hr-portal"), null,
				null, null))
			.hasMessageContaining("GATEWAY_PORTAL_JWT_ISSUER_URI is empty");
		assertThatThrownBy(() -> new PortalSettings.Jwt(ISSUER, KEY_SET, " ", List.of("hr-portal"), null, null, null))
			.hasMessageContaining("GATEWAY_PORTAL_JWT_AUDIENCE is empty");
		assertThatThrownBy(() -> new PortalSettings.Jwt(ISSUER, null, "persocontact-gateway", List.of(" "), "", null, null))
			.hasMessageContaining("neither GATEWAY_PORTAL_JWT_CLIENT_IDS nor GATEWAY_PORTAL_JWT_SCOPE is set");
		assertThat(new PortalSettings.Jwt(null, null, null, null, null, null, null).isConfigured()).isFalse();
	}

	@Test
	void tokensOfAnotherKeyIssuerOrAudienceAndExpiredOnesAreRefused() throws Exception {
		for (String token : List.of(token(STRANGER_KEY, ISSUER, "persocontact-gateway", 300),
				token(PORTAL_KEY, "https://evil.test", "persocontact-gateway", 300),
				token(PORTAL_KEY, ISSUER, "another-service", 300),
				token(PORTAL_KEY, ISSUER, "persocontact-gateway", -300), "not-a-jwt")) {
			assertThatThrownBy(() -> this.jwtCallers.authenticate(new BearerTokenAuthenticationToken(token)))
				.isInstanceOf(AuthenticationException.class);
		}
	}

	@Test
	void theStaticKeyOpensOnlyForTheWholeKey() {
		AuthenticationManager keyCaller = PortalApiSecurity.apiKeyCaller(
				PortalApiKey.of(new PortalSettings("static-key-0123456789-0123456789-0123", "unused", null, null, 1, null,
						List.of("pdf"), null, null, false)));
		assertThat(keyCaller.authenticate(new BearerTokenAuthenticationToken("static-key-0123456789-0123456789-0123"))
			.getAuthorities()).extracting(Object::toString)
			.containsExactly(PortalApiSecurity.AUTHORITY, PortalApiSecurity.ON_BEHALF_OF_ANY_EMPLOYEE);
		for (String wrong : List.of("static-key-0123456789-0123456789-012", "static-key-0123456789-0123456789-01234",
				"static-key-0123456789-0123456789-0124")) {
			assertThatThrownBy(() -> keyCaller.authenticate(new BearerTokenAuthenticationToken(wrong)))
				.isInstanceOf(AuthenticationException.class);
		}
	}

	@Test
	void aStaticKeyShorterThan32CharactersStopsStartUp() {
		assertThatThrownBy(() -> PortalApiKey.of(new PortalSettings("short", "unused", null, null, 1, null, List.of("pdf"),
				null, null, false)))
			.hasMessageContaining("gateway.portal.api-key must be at least 32 characters");
	}

	private static String token(RSAKey key, String issuer, String audience, long secondsValid) throws Exception {
		return token(key, issuer, audience, secondsValid, Map.of("azp", "hr-portal", "scope", "openid helpdesk"));
	}

	static String token(RSAKey key, String issuer, String audience, long secondsValid, Map<String, Object> extra)
			throws Exception {
		Instant now = Instant.now();
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer)
			.subject("hr-portal")
			.audience(List.of(audience))
			.issueTime(Date.from(now.minusSeconds(600)))
			.expirationTime(Date.from(now.plusSeconds(secondsValid)));
		extra.forEach(builder::claim);
		JWTClaimsSet claims = builder.build();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static RSAKey generate(String id) {
		try {
			return new RSAKeyGenerator(2048).keyID(id).generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer serveKeys() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			byte[] keys = new JWKSet(PORTAL_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			server.createContext("/jwks.json", exchange -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, keys.length);
				exchange.getResponseBody().write(keys);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
