package be.persocontact.gateway.mime.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Base64 as broken senders write it: missing, doubled or misplaced padding, chunks glued together
 * ({@code SGk=SGk=}), lines wrapped at any length, stray characters, a line of plain text a relay
 * appended. Angus Mail reads {@code mail.mime.base64.ignoreerrors} only as a system property, so the
 * gateway decodes base64 itself and says whether anything had to be dropped.
 */
public final class LenientBase64 {

	/** The bytes, and whether characters were dropped (so some of the content may be missing). */
	public record Result(byte[] bytes, boolean lossy) {
	}

	private static final int[] VALUES = new int[128];

	static {
		java.util.Arrays.fill(VALUES, -1);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
		for (int i = 0; i < alphabet.length(); i++) {
			VALUES[alphabet.charAt(i)] = i;
		}
		VALUES['-'] = 62; // the URL-safe alphabet, which some web mailers use by mistake
		VALUES['_'] = 63;
	}

	private LenientBase64() {
	}

	public static Result decode(byte[] encoded) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length * 3 / 4 + 3);
		int[] quantum = new int[4];
		int filled = 0;
		boolean lossy = false;
		for (String line : new String(encoded, StandardCharsets.ISO_8859_1).split("\r?\n|\r")) {
			String text = line.strip();
			if (text.isEmpty()) {
				continue;
			}
			if (text.indexOf(' ') >= 0 || text.indexOf('\t') >= 0) {
				lossy = true; // words, not base64: a footer or a note a relay added
				continue;
			}
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '=') {
					// padding ends a chunk; whatever follows starts a new one
					lossy |= filled == 1;
					filled = flush(quantum, filled, out);
					continue;
				}
				int value = c < 128 ? VALUES[c] : -1;
				if (value < 0) {
					lossy = true;
					continue;
				}
				quantum[filled++] = value;
				if (filled == 4) {
					filled = flush(quantum, filled, out);
				}
			}
		}
		lossy |= filled == 1;
		flush(quantum, filled, out);
		return new Result(out.toByteArray(), lossy);
	}

	/** Writes the bytes of a full or partial quantum (two or three characters carry one or two bytes). */
	private static int flush(int[] quantum, int filled, ByteArrayOutputStream out) {
		if (filled >= 2) {
			out.write((quantum[0] << 2) | (quantum[1] >> 4));
		}
		if (filled >= 3) {
			out.write(((quantum[1] & 0x0f) << 4) | (quantum[2] >> 2));
		}
		if (filled == 4) {
			out.write(((quantum[2] & 0x03) << 6) | quantum[3]);
		}
		return 0;
	}

}
