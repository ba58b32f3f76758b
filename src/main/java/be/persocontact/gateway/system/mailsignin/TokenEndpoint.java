package be.persocontact.gateway.system.mailsignin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * An OAuth2 token endpoint (RFC 6749 §3.2): a form POST in, a JSON token response (§5.1) or error
 * (§5.2) out. What it reports on failure is the status and the endpoint's {@code error} and
 * {@code error_description}, never the request (which holds the secret or the signed assertion) and
 * never a response body it cannot read as an error.
 */
final class TokenEndpoint {

	/** Lifetime assumed for a token whose response leaves out {@code expires_in}: short, so it is renewed early. */
	static final Duration UNSTATED_LIFETIME = Duration.ofMinutes(10);

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final int MAX_DESCRIPTION = 300;

	private final URI url;

	private final HttpClient http;

	private final Clock clock;

	TokenEndpoint(URI url, HttpClient http, Clock clock) {
		this.url = url;
		this.http = http;
		this.clock = clock;
	}

	static HttpClient defaultClient() {
		return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	URI url() {
		return this.url;
	}

	/** Posts the form, with HTTP Basic client authentication when {@code basicUser} is given (RFC 6749 §2.3.1). */
	AccessToken request(Map<String, String> form, String basicUser, String basicPassword) throws TokenRequestFailed {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url)
			.timeout(TIMEOUT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)));
		if (basicUser != null) {
			String credentials = formEncode(basicUser) + ":" + formEncode(basicPassword);
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		Instant asked = this.clock.instant();
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException unreachable) {
			throw new TokenRequestFailed("token endpoint " + this.url + " unreachable: " + unreachable.getClass().getSimpleName()
					+ (unreachable.getMessage() == null ? "" : " (" + unreachable.getMessage() + ")"));
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new TokenRequestFailed("token request to " + this.url + " interrupted");
		}
		Map<String, Object> body = json(response.body());
		if (response.statusCode() != 200) {
			throw new TokenRequestFailed("token endpoint " + this.url + " answered " + response.statusCode() + errorOf(body));
		}
		if (body == null || !(body.get("access_token") instanceof String token) || token.isBlank()) {
			throw new TokenRequestFailed("token endpoint " + this.url + " answered 200 without an access_token");
		}
		Object type = body.get("token_type");
		if (type != null && !"bearer".equalsIgnoreCase(type.toString())) {
			throw new TokenRequestFailed("token endpoint " + this.url + " gave a token of type " + type + ", not Bearer");
		}
		return new AccessToken(token, asked, asked.plus(lifetime(body.get("expires_in"))));
	}

	private static Duration lifetime(Object expiresIn) {
		long seconds;
		try {
			seconds = expiresIn instanceof Number number ? number.longValue()
					: expiresIn == null ? -1 : Long.parseLong(expiresIn.toString().strip());
		}
		catch (NumberFormatException unreadable) {
			seconds = -1;
		}
		return seconds > 0 ? Duration.ofSeconds(seconds) : UNSTATED_LIFETIME;
	}

	/** RFC 6749 §5.2: {@code error} and {@code error_description}, shortened; nothing when the body is no such JSON. */
	static String errorOf(Map<String, Object> body) {
		if (body == null || !(body.get("error") instanceof String error)) {
			return "";
		}
		String description = body.get("error_description") instanceof String text ? text.strip() : "";
		if (description.length() > MAX_DESCRIPTION) {
			description = description.substring(0, MAX_DESCRIPTION) + "…";
		}
		return ": " + error + (description.isEmpty() ? "" : " (" + description.replaceAll("\\s+", " ") + ")");
	}

	static Map<String, Object> json(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return JSONObjectUtils.parse(text);
		}
		catch (ParseException notJson) {
			return null;
		}
	}

	private static String encode(Map<String, String> form) {
		return new LinkedHashMap<>(form).entrySet()
			.stream()
			.filter(field -> field.getValue() != null)
			.map(field -> formEncode(field.getKey()) + "=" + formEncode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String formEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
