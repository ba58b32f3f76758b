package be.persocontact.gateway.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Hashes of a raw mail: the SHA-256 of the exact bytes, and a de-duplication key that ignores what
 * each delivery adds (trace headers such as {@code Received} and {@code Return-Path}, line-ending
 * conversions), so that one mail delivered twice is recognised while two different mails, even with
 * the same or no Message-ID, never are.
 */
final class MailFingerprint {

	private static final Set<String> TRACE_HEADERS = Set.of("received", "return-path", "delivered-to",
			"x-original-to", "x-received", "authentication-results", "arc-seal", "arc-message-signature",
			"arc-authentication-results", "received-spf", "x-spam-status", "x-spam-score", "x-spam-flag");

	private MailFingerprint() {
	}

	static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	static String dedupKey(byte[] raw) {
		String text = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
		int end = text.indexOf("\n\n");
		String headers = end < 0 ? text : text.substring(0, end + 1);
		String body = end < 0 ? "" : text.substring(end + 2);
		ByteArrayOutputStream kept = new ByteArrayOutputStream(raw.length);
		boolean skipping = false;
		for (String line : headers.split("\n", -1)) {
			boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
			if (!continuation) {
				int colon = line.indexOf(':');
				String name = colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
				skipping = TRACE_HEADERS.contains(name);
			}
			if (!skipping) {
				kept.writeBytes((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
			}
		}
		kept.writeBytes("\n".getBytes(StandardCharsets.ISO_8859_1));
		kept.writeBytes(body.strip().getBytes(StandardCharsets.ISO_8859_1));
		return sha256(kept.toByteArray());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
