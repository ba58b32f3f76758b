package be.persocontact.gateway.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production shape: the gateway behind a reverse proxy it was told to trust (here the proxy is
 * 127.0.0.1), and management on a port of its own. Clients behind the proxy are counted one by one, by the
 * address the proxy forwards; metrics answer only on the management port. The public address is a local
 * http one: no HSTS, the other headers as always.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"gateway.rate-limits.pages.requests=3", "gateway.rate-limits.pages.per=PT1H",
		"server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1", "management.server.port=0" })
@ActiveProfiles("test")
class BehindAReverseProxyIntegrationTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void clientsBehindTheTrustedProxyAreCountedApartByTheAddressItForwards() throws Exception {
		for (int i = 1; i <= 3; i++) {
			assertThat(page("/t/not-a-token", "192.0.2.10").statusCode()).isEqualTo(404);
		}
		assertThat(page("/t/not-a-token", "192.0.2.10").statusCode()).isEqualTo(429);
		assertThat(page("/t/not-a-token", "192.0.2.11").statusCode()).as("another client behind the proxy")
			.isEqualTo(404);
		assertThat(page("/t/not-a-token", "2001:db8:1:2::7, 127.0.0.1").statusCode()).isEqualTo(404);
	}

	@Test
	void metricsAnswerOnTheManagementPortOnly() throws Exception {
		assertThat(get(this.managementPort, "/actuator/metrics/gateway.outbox.backlog").statusCode()).isEqualTo(200);
		assertThat(get(this.port, "/actuator/metrics/gateway.outbox.backlog").statusCode()).isIn(403, 404);
		assertThat(get(this.port, "/actuator/metrics").statusCode()).isIn(403, 404);
	}

	@Test
	void aLocalHttpAddressGetsNoHstsButTheOtherStrictHeaders() throws Exception {
		HttpResponse<String> page = page("/portal/link", "192.0.2.99");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(page.headers().firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
		assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
	}

	private HttpResponse<String> page(String path, String forwardedFor) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-Forwarded-For", forwardedFor)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
