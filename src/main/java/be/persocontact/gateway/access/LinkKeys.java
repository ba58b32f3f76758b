package be.persocontact.gateway.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;


import org.springframework.stereotype.Component;

/**
 * The HMAC keys by id. The active key signs; every known key verifies. A missing secret is generated
 * once and kept in a file readable only by the gateway's user, never a constant in the code.
 */
@Component
class LinkKeys {

	static final int MIN_KEY_BYTES = 32;

	private final String activeId;

	private final Map<String, byte[]> keys = new LinkedHashMap<>();

	LinkKeys(AccessSettings settings) {
		this.activeId = settings.activeKeyId();
		if (this.activeId.length() > 16 || !this.activeId.matches("[A-Za-z0-9_-]+")) {
			throw new IllegalStateException("gateway.access.active-key-id must be 1-16 characters [A-Za-z0-9_-]");
		}
		byte[] active = (settings.secret() == null || settings.secret().isBlank())
				? loadOrGenerate(Path.of(settings.secretFile())) : decode("gateway.access.secret", settings.secret());
		this.keys.put(this.activeId, active);
		settings.previousKeys().forEach((id, secret) -> {
			if (!id.equals(this.activeId)) {
				this.keys.put(id, decode("gateway.access.previous-keys." + id, secret));
			}
		});
	}

	String activeId() {
		return this.activeId;
	}

	byte[] active() {
		return this.keys.get(this.activeId);
	}

	/** Every key that still verifies, the active one first. */
	java.util.Collection<byte[]> all() {
		return this.keys.values();
	}

	/** The key of that id, or null when it was never known or has been removed. */
	byte[] byId(String id) {
		return this.keys.get(id);
	}

	private static byte[] decode(String property, String secret) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(secret.strip());
		}
		catch (IllegalArgumentException ex) {
			bytes = secret.strip().getBytes(StandardCharsets.UTF_8);
		}
		if (bytes.length < MIN_KEY_BYTES) {
			throw new IllegalStateException(property + " must hold at least " + MIN_KEY_BYTES
					+ " bytes (e.g. `openssl rand -base64 32`)");
		}
		return bytes;
	}

	private static byte[] loadOrGenerate(Path file) {
		try {
			String stored = SecretFiles.readOrCreate(file, () -> {
				byte[] key = new byte[MIN_KEY_BYTES];
				new SecureRandom().nextBytes(key);
				return Base64.getEncoder().encodeToString(key);
			}, "link signing secret");
			return decode(file.toString(), stored);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the link secret " + file
					+ "; set GATEWAY_ACCESS_SECRET instead", ex);
		}
	}

}
