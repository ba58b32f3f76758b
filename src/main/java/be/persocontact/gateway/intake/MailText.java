package be.persocontact.gateway.intake;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeUtility;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Text out of mail as it really is: charsets that lie, are missing or unknown to Java, 8-bit bytes in
 * headers, HTML-only bodies. Every decoding ends in readable text; nothing throws.
 */
final class MailText {

	/** A body as text, and whether it had to be derived from HTML. */
	record Body(String text, boolean fromHtml) {
	}

	/** Labels mail clients use that Java does not know, or knows as something narrower than meant. */
	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("ks_c_5601-1987", "x-windows-949"),
			Map.entry("ks_c_5601", "x-windows-949"), Map.entry("euc-kr", "x-windows-949"),
			Map.entry("iso-8859-1", "windows-1252"), Map.entry("latin1", "windows-1252"),
			Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"),
			Map.entry("iso-2022-jp-1", "ISO-2022-JP-2"), Map.entry("iso-2022-jp-3", "ISO-2022-JP-2"),
			Map.entry("iso-2022-jp-2004", "ISO-2022-JP-2"), Map.entry("iso-2022-jp", "ISO-2022-JP-2"),
			Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"),
			Map.entry("shift-jis", "windows-31j"), Map.entry("shift_jis", "windows-31j"),
			Map.entry("sjis", "windows-31j"), Map.entry("x-sjis", "windows-31j"), Map.entry("cp1252", "windows-1252"),
			Map.entry("unicode-1-1-utf-7", "utf-7"), Map.entry("x-unknown", ""), Map.entry("unknown-8bit", ""),
			Map.entry("x-user-defined", ""), Map.entry("default", ""), Map.entry("utf8", "UTF-8"));

	private MailText() {
	}

	/**
	 * Decodes with the declared charset when it is known and fits the bytes; otherwise UTF-8 when the
	 * bytes are valid UTF-8, else windows-1252 (what "no charset" and "iso-8859-1" mean in practice).
	 */
	static String decodeBytes(byte[] bytes, String declared) {
		String label = declared == null ? "" : declared.strip().replace("\"", "").toLowerCase(Locale.ROOT);
		label = ALIASES.getOrDefault(label, label);
		if ("utf-7".equals(label)) {
			return Utf7.decode(bytes);
		}
		if ("windows-1252".equals(label)) {
			// "iso-8859-1" and "us-ascii" are what many clients declare whatever they send: valid UTF-8
			// multi-byte sequences practically never occur in real Latin-1 text, so they win
			try {
				return strictly(bytes, StandardCharsets.UTF_8);
			}
			catch (CharacterCodingException notUtf8) {
				return new String(bytes, Charset.forName("windows-1252"));
			}
		}
		if (!label.isEmpty()) {
			try {
				Charset charset = Charset.forName(MimeUtility.javaCharset(label));
				return strictly(bytes, charset);
			}
			catch (IllegalArgumentException | CharacterCodingException ex) {
				// unknown label, or the bytes are not in it: fall through to the guesses
			}
		}
		try {
			return strictly(bytes, StandardCharsets.UTF_8);
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, Charset.forName("windows-1252"));
		}
	}

	/**
	 * Base64 as broken senders write it: each line is decoded on its own once stray characters are
	 * dropped, and a line that is not base64 at all (a footer a relay appended) is skipped, so that one bad
	 * line costs that line and not the whole mail.
	 */
	static byte[] decodeBase64Leniently(byte[] encoded) {
		ByteArrayOutputStream decoded = new ByteArrayOutputStream(encoded.length);
		for (String line : new String(encoded, StandardCharsets.US_ASCII).split("\\r?\\n")) {
			String cleaned = line.replaceAll("[^A-Za-z0-9+/=]", "");
			if (cleaned.isEmpty() || cleaned.length() % 4 != 0) {
				continue;
			}
			try {
				decoded.writeBytes(Base64.getDecoder().decode(cleaned));
			}
			catch (IllegalArgumentException notBase64) {
				// skipped, like a line of the wrong length
			}
		}
		return decoded.toByteArray();
	}

	private static String strictly(byte[] bytes, Charset charset) throws CharacterCodingException {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}

	/**
	 * A header value read as UTF-8 that came out with replacement characters was 8-bit text in some
	 * other charset: read the raw header line again as windows-1252.
	 */
	static String repairHeader(String value, byte[] raw, String name) {
		if (value != null && value.indexOf('\u001b') >= 0 && value.chars().allMatch(c -> c < 0x80)) {
			// ISO-2022-JP written raw, without an encoded-word, as older Japanese mailers do: 7-bit escapes
			return decodeBytes(value.getBytes(StandardCharsets.US_ASCII), "iso-2022-jp");
		}
		if (value == null || value.indexOf('\uFFFD') < 0) {
			return value;
		}
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int start = indexOfHeader(text, name);
		if (start < 0) {
			return value.replace('\uFFFD', '?');
		}
		int end = start;
		while (true) {
			int lineEnd = text.indexOf('\n', end);
			if (lineEnd < 0 || lineEnd + 1 >= text.length()) {
				end = lineEnd < 0 ? text.length() : lineEnd;
				break;
			}
			char next = text.charAt(lineEnd + 1);
			end = lineEnd;
			if (next != ' ' && next != '\t') {
				break;
			}
			end = lineEnd + 1;
		}
		byte[] line = text.substring(start + name.length() + 1, end).getBytes(StandardCharsets.ISO_8859_1);
		String decoded = decodeBytes(line, null).replaceAll("\\r?\\n[ \\t]+", " ").strip();
		try {
			return MimeUtility.decodeText(decoded);
		}
		catch (Exception ex) {
			return decoded;
		}
	}

	private static final Pattern UTF7_WORD = Pattern.compile("=\\?(?:utf-7|unicode-1-1-utf-7)(?:\\*[^?]*)?\\?([qQbB])\\?([^?\\s]*)\\?=",
			Pattern.CASE_INSENSITIVE);

	/** Encoded-words in UTF-7, which Jakarta Mail leaves undecoded because Java has no UTF-7 charset. */
	static String decodeUtf7Words(String value) {
		if (value == null || !UTF7_WORD.matcher(value).find()) {
			return value;
		}
		String joined = value.replaceAll("(\\?=)\\s+(=\\?)", "$1$2"); // whitespace between encoded-words is not text
		Matcher word = UTF7_WORD.matcher(joined);
		StringBuilder decoded = new StringBuilder();
		while (word.find()) {
			byte[] bytes;
			if (word.group(1).equalsIgnoreCase("b")) {
				bytes = decodeBase64Leniently(word.group(2).getBytes(StandardCharsets.US_ASCII));
			}
			else {
				bytes = qDecode(word.group(2));
			}
			word.appendReplacement(decoded, Matcher.quoteReplacement(Utf7.decode(bytes)));
		}
		word.appendTail(decoded);
		return decoded.toString();
	}

	private static byte[] qDecode(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '_') {
				out.write(' ');
			}
			else if (c == '=' && i + 2 < text.length() && HexFormat.isHexDigit(text.charAt(i + 1))
					&& HexFormat.isHexDigit(text.charAt(i + 2))) {
				out.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
				i += 2;
			}
			else {
				out.write(c);
			}
		}
		return out.toByteArray();
	}

	private static int indexOfHeader(String text, String name) {
		String lower = text.toLowerCase(Locale.ROOT);
		String wanted = name.toLowerCase(Locale.ROOT) + ":";
		if (lower.startsWith(wanted)) {
			return 0;
		}
		int headerEnd = lower.indexOf("\n\n");
		int crlfEnd = lower.indexOf("\r\n\r\n");
		int limit = headerEnd < 0 ? (crlfEnd < 0 ? lower.length() : crlfEnd) : headerEnd;
		int at = lower.indexOf("\n" + wanted);
		return (at < 0 || at > limit) ? -1 : at + 1;
	}

	/**
	 * HTML reduced to text: only a safe subset survives jsoup's cleaner (no script, style, remote
	 * images or event handlers), then block elements become line breaks. The view shows text only.
	 * A {@code blockquote} becomes {@code >} quoted lines, as a plain-text part would have it, so that
	 * trimming tells the quoted history from answers written below it.
	 */
	static String htmlToText(String html) {
		Document dirty = Jsoup.parse(html);
		dirty.select("script, style, head, title").remove();
		Document clean = new Cleaner(Safelist.relaxed().removeTags("img")).clean(dirty);
		clean.select("br").after("\n");
		clean.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote, table").after("\n");
		List<Element> quotes = new ArrayList<>(clean.select("blockquote"));
		Collections.reverse(quotes); // inner quotes first, so that nested ones get "> >"
		for (Element quote : quotes) {
			String quoted = tidy(quote.wholeText()).lines().map(line -> line.isEmpty() ? ">" : "> " + line)
				.collect(Collectors.joining("\n"));
			quote.replaceWith(new TextNode("\n" + quoted + "\n"));
		}
		return tidy(clean.body() == null ? "" : clean.body().wholeText());
	}

	private static String tidy(String text) {
		return text.replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n\\s*\\n", "\n").strip();
	}

	/** RFC 2152 UTF-7, which a few old clients still send and Java does not ship. */
	static final class Utf7 {

		private Utf7() {
		}

		static String decode(byte[] bytes) {
			StringBuilder out = new StringBuilder(bytes.length);
			int i = 0;
			while (i < bytes.length) {
				char c = (char) (bytes[i] & 0xff);
				if (c != '+') {
					out.append(c);
					i++;
					continue;
				}
				int start = ++i;
				while (i < bytes.length && isBase64((char) bytes[i])) {
					i++;
				}
				if (i == start) {
					out.append('+'); // "+-" is a literal plus
				}
				else {
					out.append(decodeRun(new String(bytes, start, i - start, StandardCharsets.US_ASCII)));
				}
				if (i < bytes.length && bytes[i] == '-') {
					i++;
				}
			}
			return out.toString();
		}

		private static boolean isBase64(char c) {
			return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
		}

		private static String decodeRun(String run) {
			int usable = run.length() - run.length() % 4;
			String padded = run + "===".substring(0, (4 - run.length() % 4) % 4);
			byte[] utf16;
			try {
				utf16 = Base64.getDecoder().decode(padded);
			}
			catch (IllegalArgumentException ex) {
				utf16 = Base64.getDecoder().decode(run.substring(0, usable));
			}
			ByteArrayOutputStream even = new ByteArrayOutputStream();
			even.write(utf16, 0, utf16.length - utf16.length % 2);
			return new String(even.toByteArray(), StandardCharsets.UTF_16BE);
		}

	}

}
