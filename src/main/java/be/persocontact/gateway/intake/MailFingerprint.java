package be.persocontact.gateway.intake;

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

	private static final byte[] NEWLINE = { '\n' };

	private MailFingerprint() {
	}

	static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	/**
	 * The key is the SHA-256 of the mail with CRLF read as LF, the trace headers left out of its header
	 * block and the body without leading and trailing white space. It is computed over the bytes as they
	 * are, never over a copy: a 35 MB scan once took six copies of itself here, more memory than the rest
	 * of its processing. Keys already stored must stay equal, so every detail below is part of the key: a
	 * line ends at LF and loses the CR before it; the header block ends at the first empty line after the
	 * first; each kept header line is hashed with an LF, and so is the empty line that ends the block; then
	 * one LF, then the body. A mail without an empty line is all header block.
	 */
	static String dedupKey(byte[] raw) {
		MessageDigest digest = digest();
		int at = 0;
		int lineNumber = 0;
		boolean skipping = false;
		while (at <= raw.length) {
			int newline = indexOf(raw, (byte) '\n', at, raw.length);
			int end = newline < 0 ? raw.length : newline;
			int contentEnd = newline > at && raw[newline - 1] == '\r' ? newline - 1 : end;
			if (contentEnd == at && lineNumber > 0 && newline >= 0) {
				// the empty line that ends the header block: hashed as an empty line and the separator
				digest.update(NEWLINE);
				digest.update(NEWLINE);
				body(raw, newline + 1, digest);
				return HexFormat.of().formatHex(digest.digest());
			}
			boolean continuation = contentEnd > at && (raw[at] == ' ' || raw[at] == '\t');
			if (!continuation) {
				skipping = TRACE_HEADERS.contains(headerName(raw, at, contentEnd));
			}
			if (!skipping) {
				digest.update(raw, at, contentEnd - at);
				digest.update(NEWLINE);
			}
			lineNumber++;
			if (newline < 0) {
				break;
			}
			at = newline + 1;
		}
		digest.update(NEWLINE);
		return HexFormat.of().formatHex(digest.digest());
	}

	/** The body from {@code from}: CRLF read as LF, white space at both ends left out. */
	private static void body(byte[] raw, int from, MessageDigest digest) {
		int start = from;
		int end = raw.length;
		while (start < end && isWhitespace(raw[start])) {
			start++;
		}
		while (end > start && isWhitespace(raw[end - 1])) {
			end--;
		}
		int chunk = start;
		for (int i = start + 1; i < end; i++) {
			if (raw[i] == '\n' && raw[i - 1] == '\r') {
				digest.update(raw, chunk, i - 1 - chunk);
				chunk = i;
			}
		}
		digest.update(raw, chunk, end - chunk);
	}

	/** The name before the colon, as Java reads it from ISO-8859-1 text; empty without a colon. */
	private static String headerName(byte[] raw, int from, int to) {
		int colon = indexOf(raw, (byte) ':', from, to);
		if (colon < 0) {
			return "";
		}
		return new String(raw, from, colon - from, StandardCharsets.ISO_8859_1).strip().toLowerCase(Locale.ROOT);
	}

	/** {@link Character#isWhitespace} of the byte read as ISO-8859-1, what {@link String#strip()} removes. */
	private static boolean isWhitespace(byte b) {
		return Character.isWhitespace((char) (b & 0xff));
	}

	private static int indexOf(byte[] raw, byte wanted, int from, int to) {
		for (int i = from; i < to; i++) {
			if (raw[i] == wanted) {
				return i;
			}
		}
		return -1;
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
