package be.persocontact.gateway.console;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import be.persocontact.gateway.TicketFixture;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The gateway with a clock the console tests move (inactivity, session lifetime), and wrong operator tokens
 * throttled after three within two seconds, so that the throttle is proven without locking out the other
 * tests for long. An HTTP client that keeps the console's cookie like a browser does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.ops.max-failures=3", "gateway.ops.failure-window=PT2S" })
@ActiveProfiles("test")
@Import(ConsoleTestSupport.MovableClockConfiguration.class)
abstract class ConsoleTestSupport {

	static final String OPS_TOKEN = "test-operator-token-0123456789-abcdef";

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MovableClock clock;

	HttpClient browser;

	@BeforeEach
	void newBrowser() {
		this.browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** Logs in as {@code operator}; the answer is the redirect to the console. */
	HttpResponse<String> login(String operator, String token) {
		String csrf = csrfOf(get("/ops/console/login").body());
		return post("/ops/console/login", Map.of("operator", operator, "token", token, "_csrf", csrf));
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en").GET().build());
	}

	HttpResponse<String> post(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Posts a form of the page at {@code pagePath} with the CSRF token that page carries. */
	HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrfOf(get(pagePath).body()));
		return post(action, form);
	}

	static String csrfOf(String page) {
		Matcher token = CSRF.matcher(page);
		if (!token.find()) {
			throw new AssertionError("no CSRF token on the page:\n" + page);
		}
		return token.group(1);
	}

	static String location(HttpResponse<?> response) {
		return URI.create(response.headers().firstValue("Location").orElse("")).getPath()
				+ (URI.create(response.headers().firstValue("Location").orElse("")).getQuery() == null ? ""
						: "?" + URI.create(response.headers().firstValue("Location").orElse("")).getQuery());
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	<T> HttpResponse<String> send(HttpRequest request) {
		try {
			return this.browser.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A mail that sits in quarantine with a reason, as one the intake gave up on; its id. */
	long quarantined(String sender, String subject) {
		byte[] raw = ("From: Anna <" + sender + ">\r\nTo: helpdesk@persocontact.local\r\nSubject: " + subject
				+ "\r\nMessage-ID: <" + java.util.UUID.randomUUID() + "@example.org>\r\nDate: Mon, 7 Dec 2026 08:00:00 +0000\r\n"
				+ "Content-Language: nl\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHierbij mijn attest.\r\n")
			.getBytes(StandardCharsets.UTF_8);
		String sha;
		try {
			sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(raw));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		this.jdbc.update("INSERT INTO inbound_message (channel, sha256, size_bytes, raw, received_at, outcome, reason, "
				+ "sender, subject, attempts) VALUES ('MAIL', ?, ?, ?, ?, 'QUARANTINED', 'stuck in a test', ?, ?, 3)", sha,
				raw.length, raw, java.sql.Timestamp.from(Instant.now()), sender, subject);
		return this.jdbc.queryForObject("SELECT id FROM inbound_message WHERE sha256 = ?", Long.class, sha);
	}

	static String unique(String name) {
		return TicketFixture.unique(name);
	}

	/** The system clock, moved forward by the tests that need time to pass. */
	static final class MovableClock extends Clock {

		private volatile Duration offset = Duration.ZERO;

		void moveBy(Duration duration) {
			this.offset = this.offset.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClockConfiguration {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
