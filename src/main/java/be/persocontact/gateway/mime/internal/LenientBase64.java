package be.persocontact.gateway.mime.internal;

import java.util.Arrays;

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

	/** Encoded parts up to this size are decoded in one pass; larger ones are counted first. */
	static final int ONE_PASS = 1024 * 1024;

	static {
		Arrays.fill(VALUES, -1);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
		for (int i = 0; i < alphabet.length(); i++) {
			VALUES[alphabet.charAt(i)] = i;
		}
	}

	private LenientBase64() {
	}

	public static Result decode(byte[] encoded) {
		return decode(Slice.of(encoded));
	}

	static Result decode(Slice encoded) {
		return encoded.to() - encoded.from() <= ONE_PASS ? inOnePass(encoded) : counted(encoded);
	}

	/**
	 * One pass into an array of the largest size it can take (four characters carry at most three bytes),
	 * then trimmed: nearly every part is this small, and counting first was half the work.
	 */
	static Result inOnePass(Slice encoded) {
		int length = encoded.to() - encoded.from();
		byte[] out = new byte[length / 4 * 3 + 3];
		long decoded = run(encoded.array(), encoded.from(), encoded.to(), out);
		int size = (int) (decoded >>> 1);
		return new Result(size == out.length ? out : Arrays.copyOf(out, size), (decoded & 1) == 1);
	}

	/** Counted first, then written into an array of the exact size: a 25 MB scan is held once, not twice. */
	static Result counted(Slice encoded) {
		long counted = run(encoded.array(), encoded.from(), encoded.to(), null);
		byte[] out = new byte[(int) (counted >>> 1)];
		run(encoded.array(), encoded.from(), encoded.to(), out);
		return new Result(out, (counted & 1) == 1);
	}

	/**
	 * Decodes into {@code out}, or only counts when it is null.
	 * @return the number of bytes, shifted left by one, with the lowest bit set when characters were dropped
	 */
	private static long run(byte[] encoded, int from, int to, byte[] out) {
		int size = 0;
		int bits = 0;
		int filled = 0;
		boolean lossy = false;
		int lineStart = from;
		while (lineStart < to) {
			int lineEnd = lineStart;
			while (lineEnd < to && encoded[lineEnd] != '\n' && encoded[lineEnd] != '\r') {
				lineEnd++;
			}
			if (isWords(encoded, lineStart, lineEnd)) {
				lossy = true; // words, not base64: a footer or a note a relay added
				lineStart = lineEnd + 1;
				continue;
			}
			for (int i = lineStart; i < lineEnd; i++) {
				int c = encoded[i] & 0xff;
				int value = c < 128 ? VALUES[c] : -1;
				if (value >= 0) {
					bits = (bits << 6) | value;
					if (++filled == 4) {
						if (out != null) {
							out[size] = (byte) (bits >> 16);
							out[size + 1] = (byte) (bits >> 8);
							out[size + 2] = (byte) bits;
						}
						size += 3;
						bits = 0;
						filled = 0;
					}
				}
				else if (c == '=') {
					// padding ends a chunk; whatever follows starts a new one
					lossy |= filled == 1;
					size = flush(bits, filled, out, size);
					bits = 0;
					filled = 0;
				}
				else if (c != ' ' && c != '\t') {
					lossy = true;
				}
			}
			lineStart = lineEnd + 1;
		}
		lossy |= filled == 1;
		size = flush(bits, filled, out, size);
		return ((long) size << 1) | (lossy ? 1 : 0);
	}

	/** The bytes of a partial quantum: two characters carry one byte, three carry two. */
	private static int flush(int bits, int filled, byte[] out, int size) {
		if (filled == 2) {
			if (out != null) {
				out[size] = (byte) (bits >> 4);
			}
			return size + 1;
		}
		if (filled == 3) {
			if (out != null) {
				out[size] = (byte) (bits >> 10);
				out[size + 1] = (byte) (bits >> 2);
			}
			return size + 2;
		}
		return size;
	}

	/** Does the line, without its leading and trailing blanks, hold a blank: words rather than base64? */
	private static boolean isWords(byte[] bytes, int start, int end) {
		int first = start;
		int last = end - 1;
		while (first <= last && (bytes[first] == ' ' || bytes[first] == '\t')) {
			first++;
		}
		while (last >= first && (bytes[last] == ' ' || bytes[last] == '\t')) {
			last--;
		}
		for (int i = first; i <= last; i++) {
			if (bytes[i] == ' ' || bytes[i] == '\t') {
				return true;
			}
		}
		return false;
	}

}
