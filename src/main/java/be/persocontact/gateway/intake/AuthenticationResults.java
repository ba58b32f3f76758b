package be.persocontact.gateway.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Authentication-Results} header (RFC 8601 §2.2): the authserv-id of the server that wrote it
 * and its results, {@code method=result} with their properties ({@code header.from=example.org}).
 * Comments are dropped, quoted values unquoted; a header that does not parse is empty, never an error:
 * a sender may write anything there, and only what our own server wrote is believed.
 */
record AuthenticationResults(String authservId, List<Result> results) {

	/** One method's verdict, e.g. {@code dmarc=pass header.from=example.org}; names in lower case. */
	record Result(String method, String result, Map<String, String> properties) {

		String property(String name) {
			return this.properties.get(name.toLowerCase(Locale.ROOT));
		}

	}

	AuthenticationResults {
		results = List.copyOf(results);
	}

	/** The first result of that method (the one our server reports; RFC 8601 allows several). */
	Optional<Result> first(String method) {
		return this.results.stream().filter(result -> result.method().equals(method)).findFirst();
	}

	static Optional<AuthenticationResults> parse(String header) {
		if (header == null) {
			return Optional.empty();
		}
		List<String> statements = statements(withoutComments(header));
		if (statements.isEmpty()) {
			return Optional.empty();
		}
		String[] idAndVersion = statements.get(0).strip().split("\\s+");
		String authservId = idAndVersion[0].toLowerCase(Locale.ROOT);
		if (authservId.isEmpty()) {
			return Optional.empty();
		}
		List<Result> results = new ArrayList<>();
		for (String statement : statements.subList(1, statements.size())) {
			result(statement).ifPresent(results::add);
		}
		return Optional.of(new AuthenticationResults(authservId, results));
	}

	private static Optional<Result> result(String statement) {
		List<String> tokens = tokens(statement);
		if (tokens.isEmpty() || tokens.get(0).indexOf('=') < 1) {
			return Optional.empty(); // "none", or not a result at all
		}
		String[] methodAndResult = tokens.get(0).split("=", 2);
		String method = methodAndResult[0].split("/", 2)[0].strip().toLowerCase(Locale.ROOT);
		String result = unquote(methodAndResult[1]).toLowerCase(Locale.ROOT);
		Map<String, String> properties = new LinkedHashMap<>();
		for (String token : tokens.subList(1, tokens.size())) {
			int equals = token.indexOf('=');
			if (equals > 0) {
				properties.putIfAbsent(token.substring(0, equals).strip().toLowerCase(Locale.ROOT),
						unquote(token.substring(equals + 1).strip()));
			}
		}
		return Optional.of(new Result(method, result, properties));
	}

	/** Splits on semicolons outside quoted strings. */
	private static List<String> statements(String header) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < header.length(); i++) {
			char c = header.charAt(i);
			if (c == '"' && (i == 0 || header.charAt(i - 1) != '\\')) {
				quoted = !quoted;
			}
			if (c == ';' && !quoted) {
				statements.add(current.toString());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		statements.add(current.toString());
		return statements.stream().filter(statement -> !statement.isBlank()).toList();
	}

	/** Splits a statement into {@code name=value} tokens; blanks around {@code =} are allowed. */
	private static List<String> tokens(String statement) {
		String joined = statement.strip().replaceAll("\\s*=\\s*", "=");
		List<String> tokens = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (char c : joined.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			if (Character.isWhitespace(c) && !quoted) {
				if (current.length() > 0) {
					tokens.add(current.toString());
					current.setLength(0);
				}
			}
			else {
				current.append(c);
			}
		}
		if (current.length() > 0) {
			tokens.add(current.toString());
		}
		return tokens;
	}

	/** RFC 5322 comments, nested, outside quoted strings. */
	private static String withoutComments(String header) {
		StringBuilder out = new StringBuilder(header.length());
		int depth = 0;
		boolean quoted = false;
		for (int i = 0; i < header.length(); i++) {
			char c = header.charAt(i);
			if (c == '\\' && i + 1 < header.length()) {
				if (depth == 0) {
					out.append(c).append(header.charAt(i + 1));
				}
				i++;
				continue;
			}
			if (depth == 0 && c == '"') {
				quoted = !quoted;
			}
			if (!quoted && c == '(') {
				depth++;
				continue;
			}
			if (!quoted && c == ')' && depth > 0) {
				depth--;
				out.append(' ');
				continue;
			}
			if (depth == 0) {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static String unquote(String value) {
		String stripped = value.strip();
		if (stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")) {
			return stripped.substring(1, stripped.length() - 1).replace("\\\"", "\"");
		}
		return stripped;
	}

}
