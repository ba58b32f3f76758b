package be.persocontact.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OAuth2 authorisation server on 127.0.0.1 for tests: a token endpoint (client credentials with
 * HTTP Basic, and the JWT bearer grant of a registered service account key) that issues short-lived
 * RS256 JWTs, and an RFC 7662 introspection endpoint, as a mail server (Dovecot's oauth2 passdb) asks
 * it, that says whether a token is valid: signed here, not expired, not revoked. A test can make the
 * token endpoint fail, revoke the tokens issued so far, and see which tokens a mail server was shown.
 */
public final class TestTokenServer implements AutoCloseable {

	private final HttpServer server;

	private final RSAKey signingKey;

	private final String clientId;

	private final String clientSecret;

	/** The mailbox an application token may open (Exchange's Add-MailboxPermission, as it were). */
	private final String mailbox;

	private volatile Duration lifetime = Duration.ofMinutes(5);

	private volatile int failingWith;

	private volatile RSAKey serviceAccountKey;

	private final List<String> issued = new CopyOnWriteArrayList<>();

	private final Set<String> revoked = ConcurrentHashMap.newKeySet();

	private final Set<String> presented = ConcurrentHashMap.newKeySet();

	private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

	public TestTokenServer(String clientId, String clientSecret, String mailbox) throws Exception {
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.mailbox = mailbox;
		this.signingKey = new RSAKeyGenerator(2048).keyID("test-issuer").generate();
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/token", this::token);
		this.server.createContext("/introspect", this::introspect);
		this.server.setExecutor(Executors.newFixedThreadPool(4, task -> {
			Thread thread = new Thread(task, "test-token-server");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.start();
	}

	public String tokenUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/token";
	}

	public String introspectionUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/introspect";
	}

	/** How long the tokens issued from now on are valid. */
	public void lifetime(Duration lifetime) {
		this.lifetime = lifetime;
	}

	/** The token endpoint answers this status (with a JSON error) until {@link #recover()}. */
	public void failWith(int status) {
		this.failingWith = status;
	}

	public void recover() {
		this.failingWith = 0;
	}

	/** Every token issued so far is no longer valid, as when the application's consent is withdrawn. */
	public void revokeAll() {
		this.revoked.addAll(this.issued);
	}

	/** Registers a service account's public key for the JWT bearer grant. */
	public void trustServiceAccount(RSAKey publicKey) {
		this.serviceAccountKey = publicKey;
	}

	/** A token as the token endpoint would give one, for the test's own mail client. */
	public String issue() throws Exception {
		return sign(this.clientId, "mail");
	}

	public List<String> issued() {
		return List.copyOf(this.issued);
	}

	/** The tokens a mail server asked about: those clients presented to it. */
	public Set<String> presented() {
		return Set.copyOf(this.presented);
	}

	/** The form fields of each token request, in order. */
	public List<Map<String, String>> requests() {
		return List.copyOf(this.requests);
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(exchange.getRequestBody());
		this.requests.add(form);
		try {
			if (this.failingWith != 0) {
				answer(exchange, this.failingWith, Map.of("error", "temporarily_unavailable",
						"error_description", "the test made the token endpoint fail"));
				return;
			}
			String grant = form.getOrDefault("grant_type", "");
			if ("client_credentials".equals(grant)) {
				if (!("Basic " + Base64.getEncoder()
					.encodeToString((this.clientId + ":" + this.clientSecret).getBytes(StandardCharsets.UTF_8)))
					.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
					answer(exchange, 401, Map.of("error", "invalid_client"));
					return;
				}
				answer(exchange, 200, tokenResponse(sign(this.clientId, form.get("scope"))));
				return;
			}
			if ("urn:ietf:params:oauth:grant-type:jwt-bearer".equals(grant)) {
				SignedJWT assertion = SignedJWT.parse(form.get("assertion"));
				JWTClaimsSet claims = assertion.getJWTClaimsSet();
				boolean valid = this.serviceAccountKey != null && assertion.verify(new RSASSAVerifier(this.serviceAccountKey))
						&& claims.getAudience().contains(tokenUrl()) && claims.getExpirationTime().after(new Date());
				if (!valid) {
					answer(exchange, 400, Map.of("error", "invalid_grant"));
					return;
				}
				answer(exchange, 200, tokenResponse(sign(claims.getSubject(), (String) claims.getClaim("scope"))));
				return;
			}
			answer(exchange, 400, Map.of("error", "unsupported_grant_type"));
		}
		catch (Exception ex) {
			answer(exchange, 500, Map.of("error", "server_error"));
		}
	}

	private Map<String, Object> tokenResponse(String token) {
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("access_token", token);
		response.put("token_type", "Bearer");
		response.put("expires_in", this.lifetime.toSeconds());
		return response;
	}

	private String sign(String subject, String scope) throws Exception {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(tokenUrl())
			.subject(subject)
			.claim("scope", scope)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.lifetime)))
			.jwtID(UUID.randomUUID().toString())
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test-issuer").build(), claims);
		jwt.sign(new RSASSASigner(this.signingKey));
		String token = jwt.serialize();
		this.issued.add(token);
		return token;
	}

	private void introspect(HttpExchange exchange) throws IOException {
		String token = form(exchange.getRequestBody()).getOrDefault("token", "");
		this.presented.add(token);
		Map<String, Object> answer = new LinkedHashMap<>();
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			boolean active = jwt.verify(new RSASSAVerifier(this.signingKey.toPublicJWK()))
					&& claims.getExpirationTime().after(new Date()) && !this.revoked.contains(token);
			answer.put("active", active);
			if (active) {
				// an application token opens the mailbox it was given; a delegated one its subject's
				answer.put("username", this.clientId.equals(claims.getSubject()) ? this.mailbox : claims.getSubject());
				answer.put("exp", claims.getExpirationTime().toInstant().getEpochSecond());
			}
		}
		catch (Exception notOurs) {
			answer.put("active", false);
		}
		answer(exchange, 200, answer);
	}

	private static Map<String, String> form(InputStream body) throws IOException {
		Map<String, String> form = new LinkedHashMap<>();
		for (String field : new String(body.readAllBytes(), StandardCharsets.UTF_8).split("&")) {
			int equals = field.indexOf('=');
			if (equals > 0) {
				form.put(URLDecoder.decode(field.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(field.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static void answer(HttpExchange exchange, int status, Map<String, ?> json) throws IOException {
		byte[] body = JSONObjectUtils.toJSONString(new LinkedHashMap<>(json)).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
