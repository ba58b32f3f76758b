package be.persocontact.gateway.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import be.persocontact.gateway.portal.PortalSettings;
import be.persocontact.gateway.access.SecretFiles;

/**
 * The static bearer credential of the embedded run. Configured, or generated once into a file only the
 * gateway's user can read, never a constant in the code; compared in constant time.
 */
final class PortalApiKey {

	static final int MIN_LENGTH = 32;

	private final byte[] digest;

	private PortalApiKey(String key) {
		this.digest = digest(key);
	}

	static PortalApiKey of(PortalSettings settings) {
		String key = settings.apiKey();
		if (key == null || key.isBlank()) {
			key = loadOrGenerate(Path.of(settings.apiKeyFile()));
		}
		if (key.strip().length() < MIN_LENGTH) {
			throw new IllegalStateException("gateway.portal.api-key must be at least " + MIN_LENGTH
					+ " characters (e.g. `openssl rand -base64 32`)");
		}
		return new PortalApiKey(key.strip());
	}

	boolean matches(String presented) {
		return presented != null && MessageDigest.isEqual(this.digest, digest(presented));
	}

	private static byte[] digest(String key) {
		try {
			// equal-length digests: the comparison time says nothing about the key's length either
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String loadOrGenerate(Path file) {
		try {
			return SecretFiles.readOrCreate(file, () -> {
				byte[] random = new byte[32];
				new SecureRandom().nextBytes(random);
				return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			}, "portal API key");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the portal API key " + file
					+ "; set GATEWAY_PORTAL_API_KEY or a JWT issuer instead", ex);
		}
	}

}
