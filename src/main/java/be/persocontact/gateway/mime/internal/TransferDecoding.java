package be.persocontact.gateway.mime.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import be.persocontact.gateway.mime.ReadNote;
import org.eclipse.angus.mail.util.QPDecoderStream;
import org.eclipse.angus.mail.util.UUDecoderStream;

/**
 * Undoes a part's Content-Transfer-Encoding, whatever the header says. Odd spellings of the identity
 * encodings ({@code 7-bit}, {@code 8bits}, {@code plain}, {@code text/html}, quotes, blanks) are read as
 * what they mean; an encoding nobody knows is read as 8bit (the bytes as they are). The decoders are the
 * lenient ones: Angus Mail reads {@code mail.mime.ignoreunknownencoding},
 * {@code mail.mime.uudecode.ignoreerrors} and {@code mail.mime.base64.ignoreerrors} only as system
 * properties, so the gateway never lets Angus Mail decode a part and chooses the decoder here.
 */
public final class TransferDecoding {

	/** Largest content an {@code x-gzip64} part may unpack to: past it, the part is a bomb, not a document. */
	static final int MAX_UNPACKED = 64 * 1024 * 1024;

	/**
	 * @param content the decoded bytes (empty when unreadable)
	 * @param note what was tolerated, or null
	 * @param unreadable why the content could not be decoded, or null
	 */
	public record Decoded(byte[] content, ReadNote note, String unreadable) {
	}

	private TransferDecoding() {
	}

	/**
	 * @param header the Content-Transfer-Encoding as written, or null
	 * @param encoded the part's content as it stands in the mail
	 * @param where the part, for the note ("part 2 (attest.pdf)")
	 */
	public static Decoded decode(String header, byte[] encoded, String where) {
		return decode(header, Slice.of(encoded), where);
	}

	/** As {@link #decode(String, byte[], String)}, for content that lies in the mail's bytes. */
	static Decoded decode(String header, Slice encoded, String where) {
		String written = header == null ? "" : header.strip();
		String standard = standardName(written);
		if (standard == null) {
			return new Decoded(encoded.toArray(), ReadNote.damaged(where + ": unknown Content-Transfer-Encoding '" + written
					+ "' read as 8bit"), null);
		}
		ReadNote spelling = written.isEmpty() || written.equalsIgnoreCase(standard) ? null
				: ReadNote.repaired(where + ": Content-Transfer-Encoding '" + written + "' read as " + standard);
		return switch (standard) {
			case "quoted-printable" -> new Decoded(quotedPrintable(encoded), spelling, null);
			case "base64" -> base64(encoded, spelling, where);
			case "x-uuencode" -> new Decoded(uudecode(encoded), spelling, null);
			case "x-gzip64" -> gzip64(encoded, where);
			default -> new Decoded(encoded.toArray(), spelling, null);
		};
	}

	/**
	 * The encoding a written value means, or null when nobody knows it. Case, quotes, blanks, dashes and
	 * parameters do not count; the identity encodings have many names in the wild.
	 */
	static String standardName(String written) {
		String key = written.toLowerCase(Locale.ROOT).split(";", 2)[0].replaceAll("[^a-z0-9]", "");
		return switch (key) {
			case "", "7bit", "7bits", "plain", "text", "textplain", "texthtml", "none", "ascii", "usascii" -> "7bit";
			case "8bit", "8bits" -> "8bit";
			case "binary" -> "binary";
			case "quotedprintable", "qp" -> "quoted-printable";
			case "base64", "b64" -> "base64";
			case "uuencode", "xuuencode", "xuue", "uue" -> "x-uuencode";
			case "xgzip64", "gzip64" -> "x-gzip64";
			default -> null;
		};
	}

	private static Decoded base64(Slice encoded, ReadNote spelling, String where) {
		if (writtenAsText(encoded)) {
			return new Decoded(encoded.toArray(), ReadNote.damaged(where + ": declared base64 but written as text; "
					+ "read as it stands"), null);
		}
		LenientBase64.Result result = LenientBase64.decode(encoded);
		return new Decoded(result.bytes(), result.lossy() ? lossy(where) : spelling, null);
	}

	/**
	 * Content labelled base64 that is not: its first line and most of its first lines have blanks between
	 * words, which base64 never writes (stray characters it may have; those are dropped as before). A
	 * mislabelled text part decoded as base64 is garbage and its text lost; read as it stands it is the text.
	 * Real base64 with a footer of text stays base64: it begins with base64, and the verdict needs three lines
	 * and a majority among the first twenty (so a 25 MB scan costs no second pass).
	 */
	static boolean writtenAsText(Slice encoded) {
		byte[] bytes = encoded.array();
		int lines = 0;
		int textLines = 0;
		boolean firstIsText = false;
		// base64 written on one line of 25 MB would otherwise be read here twice
		int limit = Math.min(encoded.to(), encoded.from() + 64 * 1024);
		int i = encoded.from();
		while (i < limit && lines < 20) {
			int end = i;
			while (end < limit && bytes[end] != '\n') {
				end++;
			}
			int first = i;
			while (first < end && (bytes[first] == ' ' || bytes[first] == '\t')) {
				first++;
			}
			int last = end;
			while (last > first && (bytes[last - 1] == '\r' || bytes[last - 1] == ' ' || bytes[last - 1] == '\t')) {
				last--;
			}
			if (last > first) {
				boolean text = wordsApart(bytes, first, last);
				firstIsText |= lines == 0 && text;
				lines++;
				textLines += text ? 1 : 0;
			}
			i = end + 1;
		}
		return firstIsText && lines >= 3 && textLines * 2 > lines;
	}

	/** A blank inside the line (its ends are trimmed). */
	private static boolean wordsApart(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == ' ' || bytes[i] == '\t') {
				return true;
			}
		}
		return false;
	}

	private static byte[] quotedPrintable(Slice encoded) {
		// Angus Mail's decoder keeps a malformed "=XY" as it stands, which is what a reader expects
		return readAll(new QPDecoderStream(encoded.stream()));
	}

	private static byte[] uudecode(Slice encoded) {
		// ignoring errors and a missing "begin" or "end" line, as the system properties would have
		return readAll(new UUDecoderStream(encoded.stream(), true, true));
	}

	/** {@code x-gzip64}: gzip, then base64 (old Unix mailers). Unpacked with a ceiling. */
	private static Decoded gzip64(Slice encoded, String where) {
		LenientBase64.Result packed = LenientBase64.decode(encoded);
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed.bytes()))) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) > 0) {
				if (out.size() + read > MAX_UNPACKED) {
					return unreadable(where, "x-gzip64 content unpacks to more than " + MAX_UNPACKED / (1024 * 1024)
							+ " MB");
				}
				out.write(buffer, 0, read);
			}
			return new Decoded(out.toByteArray(), packed.lossy()
					? lossy(where) : null,
					null);
		}
		catch (IOException ex) {
			return unreadable(where, "x-gzip64 content could not be unpacked ("
					+ (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()) + ")");
		}
	}

	private static ReadNote lossy(String where) {
		return ReadNote.damaged(where + ": base64 that does not decode cleanly (stray characters or a cut-off end); "
				+ "the rest was decoded");
	}

	private static Decoded unreadable(String where, String why) {
		return new Decoded(new byte[0], ReadNote.damaged(where + ": " + why + "; the part is kept as unreadable"),
				why);
	}

	private static byte[] readAll(InputStream decoder) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try (decoder) {
			int read;
			while ((read = decoder.read(buffer)) > 0) {
				out.write(buffer, 0, read);
			}
		}
		catch (IOException | RuntimeException ex) {
			// the lenient decoders do not refuse input; what was decoded so far is what there is
		}
		return out.toByteArray();
	}

}
