package be.persocontact.gateway.mime.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.ParameterList;
import jakarta.mail.internet.ParseException;

/**
 * A structured header value ({@code Content-Type}, {@code Content-Disposition}) read the way mail
 * clients write it: empty parameters ({@code ;;}), unquoted values holding {@code =}, {@code /},
 * {@code ?}, {@code :} or spaces ({@code boundary=----=_Part_1.2}), doubled or unbalanced quotes, a
 * trailing semicolon. Angus Mail reads {@code mail.mime.parameters.strict} only as a JVM-wide system
 * property (once, when {@code ParameterList} is loaded) and even lenient it refuses {@code ;;}; so the
 * value is split here, then written out again properly quoted for Angus Mail, which still decodes
 * RFC 2231 ({@code filename*=UTF-8''…}, continuations) as before.
 *
 * @param value the part before the first semicolon, lower case, comments removed
 * @param parameters the parameters, names in lower case, the first of a repeated name kept
 */
public record HeaderValue(String value, Map<String, String> parameters) {

	public HeaderValue {
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	/** Reads a header value; null for null. Never throws. */
	public static HeaderValue parse(String header) {
		if (header == null) {
			return null;
		}
		List<String> segments = segments(header.replace('\r', ' ').replace('\n', ' '));
		String value = withoutComments(segments.get(0)).strip().toLowerCase(Locale.ROOT);
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String segment : segments.subList(1, segments.size())) {
			String trimmed = segment.strip();
			int equals = trimmed.indexOf('=');
			if (equals <= 0) {
				continue; // ";;", a trailing ";", or a word without a value: nothing to keep
			}
			String name = trimmed.substring(0, equals).strip().toLowerCase(Locale.ROOT);
			if (!isToken(name)) {
				continue;
			}
			parameters.putIfAbsent(name, unquote(trimmed.substring(equals + 1).strip()));
		}
		return new HeaderValue(value, decoded(parameters));
	}

	public String parameter(String name) {
		return this.parameters.get(name.toLowerCase(Locale.ROOT));
	}

	/** The value written as RFC 2045 wants it: every parameter quoted. */
	public String canonical() {
		StringBuilder out = new StringBuilder(this.value);
		this.parameters.forEach((name, value) -> out.append("; ")
			.append(name)
			.append("=\"")
			.append(value.replace("\\", "\\\\").replace("\"", "\\\""))
			.append('"'));
		return out.toString();
	}

	/** Splits at semicolons outside quoted strings. */
	private static List<String> segments(String header) {
		List<String> segments = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < header.length(); i++) {
			char c = header.charAt(i);
			if (c == '\\' && quoted && i + 1 < header.length()) {
				current.append(c).append(header.charAt(++i));
				continue;
			}
			if (c == '"') {
				quoted = !quoted;
			}
			if (c == ';' && !quoted) {
				segments.add(current.toString());
				current.setLength(0);
				continue;
			}
			current.append(c);
		}
		segments.add(current.toString());
		return segments;
	}

	/**
	 * A quoted string without its quotes and escapes; an unquoted value as it stands, whatever it holds.
	 * Quotes in odd places ({@code ""foo""}, {@code "foo}) are dropped.
	 */
	private static String unquote(String value) {
		if (!value.startsWith("\"")) {
			return value;
		}
		StringBuilder out = new StringBuilder(value.length());
		int i = 1;
		boolean closed = false;
		while (i < value.length()) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				out.append(value.charAt(i + 1));
				i += 2;
				continue;
			}
			i++;
			if (c == '"') {
				closed = true;
				break;
			}
			out.append(c);
		}
		if (closed && value.substring(i).isBlank()) {
			return out.toString();
		}
		return value.replace("\"", "").strip();
	}

	private static String withoutComments(String value) {
		return value.replaceAll("\\([^()]*\\)", " ");
	}

	private static boolean isToken(String name) {
		if (name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * RFC 2231 ({@code name*=charset''value}, {@code name*0}, {@code name*1*}…) decoded by Angus Mail from the
	 * cleanly quoted list; the values as read when even that is refused.
	 */
	private static Map<String, String> decoded(Map<String, String> parameters) {
		if (parameters.keySet().stream().noneMatch(name -> name.indexOf('*') >= 0)) {
			return parameters;
		}
		try {
			ParameterList list = new ParameterList(new HeaderValue("", parameters).canonical());
			Map<String, String> decoded = new LinkedHashMap<>();
			for (String name : Collections.list(list.getNames())) {
				decoded.put(name.toLowerCase(Locale.ROOT), list.get(name));
			}
			return decoded;
		}
		catch (ParseException | RuntimeException refused) {
			return parameters;
		}
	}

}
