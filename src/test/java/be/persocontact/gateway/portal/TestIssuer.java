package be.persocontact.gateway.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
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

/**
 * An identity provider for tests: an RSA key made for the test run, its public half served as a JWK set
 * on the loopback interface, and tokens signed with it (or with a key nobody published).
 */
final class TestIssuer {

	static final String ISSUER = "https://idp.persocontact.test";

	static final String AUDIENCE = "persocontact-gateway";

	private final RSAKey key = generate("issuer-key");

	private final RSAKey stranger = generate("stranger-key");

	private final HttpServer server;

	TestIssuer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] keys = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		this.server.createContext("/jwks.json", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, keys.length);
			exchange.getResponseBody().write(keys);
			exchange.close();
		});
		this.server.start();
	}

	String keySetUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/jwks.json";
	}

	/** A token of this issuer for the gateway, valid five minutes, with these claims on top. */
	String token(Map<String, Object> claims) {
		return token(this.key, ISSUER, AUDIENCE, 300, claims);
	}

	String token(String issuer, String audience, long secondsValid, Map<String, Object> claims) {
		return token(this.key, issuer, audience, secondsValid, claims);
	}

	/** Right issuer and audience, signed by a key the issuer never published. */
	String forged(Map<String, Object> claims) {
		return token(this.stranger, ISSUER, AUDIENCE, 300, claims);
	}

	private static String token(RSAKey key, String issuer, String audience, long secondsValid, Map<String, Object> extra) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject("subject-" + extra.getOrDefault("email", "portal"))
			.audience(List.of(audience))
			.issueTime(Date.from(now.minusSeconds(600)))
			.expirationTime(Date.from(now.plusSeconds(secondsValid)));
		extra.forEach(claims::claim);
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				claims.build());
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static RSAKey generate(String id) {
		try {
			return new RSAKeyGenerator(2048).keyID(id).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
