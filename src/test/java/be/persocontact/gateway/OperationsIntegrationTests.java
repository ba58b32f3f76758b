package be.persocontact.gateway;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of a running gateway: the Prometheus scrape on the management port (and not on
 * the public one) with the gateway's figures, every figure the dashboard and the alert rules ask for, JSON
 * log lines that name the mail and its ticket, and readiness that follows the mail server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"logging.structured.format.console=logstash", "gateway.mail.health-interval=PT0.2S",
		"gateway.mail.health-timeout=PT2S" })
@ExtendWith(OutputCaptureExtension.class)
class OperationsIntegrationTests extends MailIntegrationTestSupport {

	private static final Pattern METRIC_NAME = Pattern.compile("\\bgateway_[a-z0-9_]+");

	@LocalManagementPort
	int managementPort;

	@AfterEach
	void mailServerBackUp() {
		if (!this.greenMail.isRunning()) {
			this.greenMail.start();
		}
	}

	@Test
	void theManagementPortServesTheGatewayFiguresToPrometheusAndThePublicPortDoesNot() throws Exception {
		double before = sample(scrape(), "gateway_intake_outcomes_total", "outcome=\"TICKET_CREATED\"");
		String anna = unique("anna");
		this.mail.sendRaw(mailFrom(anna, "Anna", "Attest kinderopvang", "Hierbij het attest.", "nl"), helpdesk());
		awaitTicketOf(anna);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> sample(scrape(), "gateway_intake_outcomes_total", "outcome=\"TICKET_CREATED\"") >= before + 1);
		String scrape = scrape();
		assertThat(scrape).contains("gateway_intake_outcomes_total{mailbox=\"default\",outcome=\"TICKET_CREATED\"}");
		assertThat(sample(scrape, "gateway_intake_latency_seconds_count", "mailbox=\"default\"")).isGreaterThanOrEqualTo(1);
		// percentile histograms: Prometheus computes the p99 over all instances from the buckets
		assertThat(scrape).containsPattern("gateway_intake_latency_seconds_bucket\\{[^}]*le=\"")
			.containsPattern("gateway_outbox_latency_seconds_bucket\\{[^}]*le=\"")
			.containsPattern("gateway_attachment_extraction_seconds_bucket\\{[^}]*le=\"")
			.contains("gateway_intake_quarantined ", "gateway_intake_backlog ", "gateway_outbox_backlog ",
					"gateway_outbox_send_failures_total{", "gateway_attachment_refusals_total{",
					"gateway_links_uses_total{");
		// the acknowledgement of Anna's ticket went out: timed from queued to accepted
		await().atMost(Duration.ofSeconds(20))
			.until(() -> sample(scrape(), "gateway_outbox_latency_seconds_count", "") >= 1);

		HttpResponse<String> outside = get("/actuator/prometheus");
		assertThat(outside.statusCode()).isNotEqualTo(200);
		assertThat(outside.body()).doesNotContain("gateway_");
	}

	@Test
	void aQuarantinedMailIsCountedAndTheQuarantineGaugeGrows() throws Exception {
		String before = scrape();
		double counted = sample(before, "gateway_intake_outcomes_total", "outcome=\"QUARANTINED\"");
		double held = sample(before, "gateway_intake_quarantined", "");
		this.mail.sendRaw("""
				From: undisclosed-recipients:;
				To: helpdesk@persocontact.local
				Subject: wie?
				Message-ID: <%s@example.org>

				Zonder afzender.
				""".formatted(java.util.UUID.randomUUID()), helpdesk());

		await().atMost(Duration.ofSeconds(20))
			.until(() -> sample(scrape(), "gateway_intake_outcomes_total", "outcome=\"QUARANTINED\"") >= counted + 1);
		assertThat(sample(scrape(), "gateway_intake_quarantined", "")).isGreaterThanOrEqualTo(held + 1);
	}

	@Test
	void everyFigureTheDashboardAndTheAlertRulesQueryIsInTheScrape() throws Exception {
		Set<String> queried = new TreeSet<>();
		queried.addAll(namesIn(Files.readString(Path.of("docs/grafana/gateway.json"))));
		queried.addAll(namesIn(Files.readString(Path.of("docs/prometheus/alerts.yml"))));
		assertThat(queried).contains("gateway_intake_outcomes_total", "gateway_intake_latency_seconds_bucket",
				"gateway_intake_leader", "gateway_intake_quarantined", "gateway_outbox_backlog");

		String scrape = scrape();
		Set<String> served = new TreeSet<>();
		for (String line : scrape.split("\n")) {
			Matcher name = Pattern.compile("^(gateway_[a-z0-9_]+)[{ ]").matcher(line);
			if (name.find()) {
				served.add(name.group(1));
			}
		}
		assertThat(served).as("served by /actuator/prometheus").containsAll(queried);
	}

	@Test
	void aProcessedMailLogsJsonLinesCarryingItsInboundMessageIdAndTicket(CapturedOutput output) {
		String bert = unique("bert");
		this.mail.sendRaw(mailFrom(bert, "Bert", "Loonsimulatie", "Graag een simulatie.", "nl"), helpdesk());
		String ticket = awaitTicketOf(bert);
		long id = this.jdbc.queryForObject("SELECT id FROM inbound_message WHERE sender = ?", Long.class, bert);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut().lines().anyMatch(line -> line.contains("Inbound message " + id + " processed")));
		String processed = output.getOut()
			.lines()
			.filter(line -> line.contains("Inbound message " + id + " processed"))
			.findFirst()
			.orElseThrow();
		assertThat(processed).startsWith("{").endsWith("}");
		assertThat(processed).contains("\"inboundMessageId\":\"" + id + "\"", "\"ticket\":\"" + ticket + "\"");
	}

	@Test
	void readinessIsDownWhileTheMailServerIsStoppedAndUpWhenItIsBack() throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(() -> management("/actuator/health/readiness").statusCode() == 200);

		this.greenMail.stop();
		await().atMost(Duration.ofSeconds(15)).until(() -> management("/actuator/health/readiness").statusCode() == 503);
		assertThat(management("/actuator/health/readiness").body()).contains("DOWN");
		// the process itself is fine: nobody should restart it for the mail server's sake
		assertThat(management("/actuator/health/liveness").statusCode()).isEqualTo(200);

		this.greenMail.start();
		await().atMost(Duration.ofSeconds(15)).until(() -> management("/actuator/health/readiness").statusCode() == 200);
	}

	private static Set<String> namesIn(String queries) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = METRIC_NAME.matcher(queries);
		while (matcher.find()) {
			names.add(matcher.group());
		}
		return names;
	}

	/** The value of the first sample of that name whose labels contain {@code labels}; 0 when none. */
	private static double sample(String scrape, String name, String labels) {
		for (String line : scrape.split("\n")) {
			if ((line.startsWith(name + "{") || line.startsWith(name + " ")) && line.contains(labels)) {
				String[] parts = line.trim().split(" ");
				return Double.parseDouble(parts[parts.length - 1]);
			}
		}
		return 0;
	}

	private String scrape() throws Exception {
		HttpResponse<String> response = management("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> management(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
