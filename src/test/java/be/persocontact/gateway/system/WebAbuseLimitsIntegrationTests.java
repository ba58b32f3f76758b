package be.persocontact.gateway.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one client on the network can do without an account, with small limits to see them: pages,
 * forms, portal link requests and API calls past their limit get 429 (a page in four languages, or a
 * problem body) and say when to come back; a header the client writes itself does not make it someone
 * else; wrong operator tokens stop being looked at. Management shares the public port here, as it does
 * when nobody configured a port for it: only health answers there. The public address is https.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"gateway.rate-limits.pages.requests=4", "gateway.rate-limits.pages.per=PT1H",
		"gateway.rate-limits.form-posts.requests=2", "gateway.rate-limits.form-posts.per=PT1H",
		"gateway.rate-limits.link-requests.requests=2", "gateway.rate-limits.link-requests.per=PT1H",
		"gateway.rate-limits.api.requests=3", "gateway.rate-limits.api.per=PT1H", "gateway.ops.max-failures=3",
		"gateway.ops.failure-window=PT1H", "management.server.port=",
		"gateway.public-base-url=https://helpdesk.example.org" })
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class WebAbuseLimitsIntegrationTests {

	static final String OPS_TOKEN = "test-operator-token-0123456789-abcdef";

	static final String PORTAL_KEY = "test-portal-key-0123456789-0123456789-abcdef";

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void pagesPastTheLimitGetA429PageInFourLanguagesWhateverForwardedForTheClientClaims() throws Exception {
		for (int i = 1; i <= 4; i++) {
			HttpResponse<String> page = send(get("/t/not-a-token-" + i).header("X-Forwarded-For", "203.0.113." + i));
			assertThat(page.statusCode()).as("page %s", i).isEqualTo(404);
		}
		HttpResponse<String> refused = send(
				get("/me/another-token").header("X-Forwarded-For", "198.51.100.77").header("Accept-Language", "fr"));

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
		assertThat(refused.headers().firstValue("Retry-After")).get().asString().matches("[1-9][0-9]*");
		assertThat(refused.body()).contains("lang=\"fr\"", "<h1>Trop de demandes</h1>", "Te veel verzoeken",
				"Zu viele Anfragen", "Too many requests", "minutes");
		assertThat(refused.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'none'");
		assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");

		HttpResponse<String> otherClient = this.http.send(
				HttpRequest.newBuilder(URI.create("http://[::1]:" + this.port + "/t/not-a-token")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(otherClient.statusCode()).as("another client is not held back").isEqualTo(404);
	}

	@Test
	void formPostsPastTheLimitGet429() throws Exception {
		for (int i = 1; i <= 2; i++) {
			assertThat(send(post("/a/not-a-token", "")).statusCode()).isEqualTo(404);
		}
		assertThat(send(post("/r/not-a-token", "reason=nee")).statusCode()).isEqualTo(429);
	}

	@Test
	void portalLinkRequestsPastTheLimitGet429AndMailNobody() throws Exception {
		for (int i = 1; i <= 2; i++) {
			assertThat(send(post("/portal/link", "address=" + unique())).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> refused = send(post("/portal/link", "address=" + unique()).header("Accept-Language", "de"));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.body()).contains("<h1>Zu viele Anfragen</h1>");
	}

	@Test
	void apiCallsPastTheLimitGet429WithAProblemBody() throws Exception {
		for (int i = 1; i <= 3; i++) {
			assertThat(send(get("/api/portal/catalogue").header("Authorization", "Bearer " + PORTAL_KEY)).statusCode())
				.isEqualTo(200);
		}
		HttpResponse<String> refused = send(get("/api/portal/catalogue?lang=nl").header("Authorization",
				"Bearer " + PORTAL_KEY));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(refused.body()).contains("\"type\":\"/problems/too-many-requests\"", "\"status\":429",
				"Te veel verzoeken");
	}

	@Test
	void afterTooManyWrongOperatorTokensTheClientGets429EvenWithTheRightOneAndTheLogSaysSo(CapturedOutput log)
			throws Exception {
		for (String wrong : new String[] { "wrong", OPS_TOKEN + "x", OPS_TOKEN.substring(1) }) {
			assertThat(send(get("/api/ops/inbound").header("Authorization", "Bearer " + wrong)).statusCode())
				.isEqualTo(401);
		}
		HttpResponse<String> refused = send(get("/api/ops/inbound").header("Authorization", "Bearer " + OPS_TOKEN));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(log.getOut()).contains("Operator API: 3 wrong tokens from 127.0.0.1");
	}

	@Test
	void onAPublicPortSharedWithManagementOnlyHealthAnswers() throws Exception {
		HttpResponse<String> health = send(get("/actuator/health"));
		// answered (UP, or DOWN while a server of the suite is briefly away), not refused
		assertThat(health.statusCode()).isIn(200, 503);
		assertThat(health.body()).contains("\"status\"");
		for (String closed : new String[] { "/actuator/metrics", "/actuator/metrics/gateway.outbox.backlog",
				"/actuator/prometheus", "/actuator" }) {
			assertThat(send(get(closed)).statusCode()).as(closed).isEqualTo(403);
		}
	}

	@Test
	void everyAnswerCarriesTheStrictHeadersAndHstsSinceThePublicAddressIsHttps() throws Exception {
		HttpResponse<String> health = send(get("/actuator/health"));
		assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
		assertThat(health.headers().firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
		assertThat(health.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(health.headers().firstValue("X-Robots-Tag")).hasValue("noindex, nofollow");
		assertThat(health.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(health.headers().firstValue("Content-Security-Policy")).get()
			.asString()
			.contains("default-src 'none'", "frame-ancestors 'none'");
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private HttpRequest.Builder post(String path, String form) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String unique() {
		return "link." + UUID.randomUUID().toString().substring(0, 8) + "%40example.org";
	}

}
