package be.persocontact.gateway.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import be.persocontact.gateway.MailServerFixture;
import be.persocontact.gateway.TicketFixture;
import be.persocontact.gateway.notification.mail.OutboxMailer;
import be.persocontact.gateway.system.MailServerSettings;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketNumber;
import be.persocontact.gateway.ticket.TicketStatus;
import be.persocontact.gateway.ticket.Tickets;
import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static be.persocontact.gateway.TicketFixture.OFFICER;
import static be.persocontact.gateway.TicketFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The outbox's promises on the real servers: nothing lost while SMTP is down, nothing sent twice
 * once it is back, nothing sent for a change that rolled back, and a send whose outcome was lost
 * repeated with the same Message-ID and counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutboxIntegrationTests {

	@Autowired
	GreenMail greenMail;

	@Autowired
	MailServerSettings mailSettings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TicketManagement ticketManagement;

	@Autowired
	Tickets tickets;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	CamelContext camel;

	@Autowired
	OutboxMailer outboxMailer;

	@Autowired
	MeterRegistry meters;

	@LocalManagementPort
	int managementPort;

	@LocalServerPort
	int port;

	MailServerFixture mail;

	@BeforeEach
	void setUp() {
		this.mail = new MailServerFixture(this.greenMail, this.mailSettings.smtpPort());
	}

	@AfterEach
	void serversBackUp() throws Exception {
		if (!this.greenMail.isRunning()) {
			this.greenMail.start();
		}
		this.camel.getRouteController().startRoute("notification-outbox");
	}

	@Test
	void twentyStatusChangesWhileSmtpIsDownAreAllDeliveredExactlyOnceWhenItIsBack() {
		String anna = unique("anna");
		TicketNumber number = openTicketAndAwaitAcknowledgement(anna);
		double failuresBefore = sendFailures();
		long sentBefore = this.meters.get("gateway.outbox.latency").timer().count();

		this.greenMail.stop();
		List<TicketStatus> changes = new ArrayList<>(List.of(TicketStatus.ASSIGNED, TicketStatus.WORK_IN_PROGRESS));
		for (int i = 0; i < 9; i++) {
			changes.add(TicketStatus.PENDING);
			changes.add(TicketStatus.WORK_IN_PROGRESS);
		}
		changes.forEach(target -> changeStatus(number, target));

		// every one of the 20 has been tried and has failed: the route ran, SMTP refused
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("SELECT COUNT(*) FROM outbound_mail o JOIN ticket t ON t.id = o.ticket_id "
					+ "WHERE t.number = ? AND o.kind <> 'acknowledgement' AND o.status = 'PENDING' "
					+ "AND o.attempts >= 1 AND o.last_error IS NOT NULL", number.value()) == 20);
		assertThat(statusMails(number, "SENT")).isZero();
		assertThat(sendFailures()).as("failed attempts counted").isGreaterThanOrEqualTo(failuresBefore + 20);

		// a new server on the same ports; its mailboxes start empty
		this.greenMail.start();

		await().atMost(Duration.ofSeconds(60)).until(() -> statusMails(number, "SENT") == 20);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.mail.inbox(anna).size() >= 20);
		sleep(Duration.ofSeconds(2)); // a double send would have arrived by now
		List<String> delivered = this.mail.inbox(anna).stream().map(OutboxIntegrationTests::messageId).toList();
		assertThat(delivered).hasSize(20).doesNotHaveDuplicates();
		assertThat(delivered).containsExactlyInAnyOrderElementsOf(this.jdbc.queryForList(
				"SELECT o.message_id FROM outbound_mail o JOIN ticket t ON t.id = o.ticket_id "
						+ "WHERE t.number = ? AND o.kind <> 'acknowledgement'", String.class, number.value()));
		assertThat(count("SELECT COALESCE(SUM(o.resends), 0) FROM outbound_mail o JOIN ticket t ON t.id = o.ticket_id "
				+ "WHERE t.number = ?", number.value())).isZero();
		// each timed from its queueing, the outage included
		assertThat(this.meters.get("gateway.outbox.latency").timer().count()).isGreaterThanOrEqualTo(sentBefore + 20);
		assertThat(this.meters.get("gateway.outbox.latency").timer().max(java.util.concurrent.TimeUnit.SECONDS))
			.isGreaterThan(1);
	}

	private double sendFailures() {
		return this.meters.get("gateway.outbox.send.failures").tag("final", "false").counter().count();
	}

	@Test
	void aStatusChangeWhoseTransactionRollsBackSendsNoMail() {
		String anna = unique("anna");
		TicketNumber number = openTicketAndAwaitAcknowledgement(anna);
		List<Integer> outboxRowsSeenInside = new ArrayList<>();

		assertThatThrownBy(() -> this.transaction.executeWithoutResult(status -> {
			Ticket ticket = this.tickets.findByNumber(number).orElseThrow();
			ticket.changeStatus(TicketStatus.ASSIGNED, OFFICER, null, Instant.now());
			this.tickets.save(ticket);
			outboxRowsSeenInside.add(statusMails(number, "PENDING"));
			throw new IllegalStateException("the officer's note could not be stored");
		})).hasMessageContaining("officer's note");

		assertThat(outboxRowsSeenInside).containsExactly(1); // the mail was written, inside the transaction
		sleep(Duration.ofSeconds(2)); // ten outbox runs
		assertThat(count("SELECT COUNT(*) FROM outbound_mail o JOIN ticket t ON t.id = o.ticket_id WHERE t.number = ?",
				number.value())).isOne();
		assertThat(this.mail.inbox(anna)).hasSize(1).allSatisfy(m -> assertThat(messageId(m)).contains(".acknowledgement."));
		assertThat(this.tickets.findByNumber(number).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
	}

	@Test
	void aSenderThatDiesAfterTheSmtpSendButBeforeTheMarkIsFollowedByAResendWithTheSameMessageIdThatIsCounted()
			throws Exception {
		String anna = unique("anna");
		TicketNumber number = openTicketAndAwaitAcknowledgement(anna);
		await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM outbound_mail WHERE status = 'PENDING'") == 0);
		this.camel.getRouteController().stopRoute("notification-outbox");
		changeStatus(number, TicketStatus.ASSIGNED);

		// the instance that dies: it claims the mail and sends it, then never records the outcome
		List<Long> claimed = this.outboxMailer.claimDue().stream().map(Outbox.Outgoing::id).toList();
		assertThat(claimed).hasSize(1);
		MimeMessage first = this.outboxMailer.toMimeMessage(claimed.get(0));
		sendOverSmtp(first);
		// its lease runs out (two minutes in production)
		this.jdbc.update("UPDATE outbound_mail SET next_attempt_at = ? WHERE id = ?",
				java.sql.Timestamp.from(Instant.now().minusSeconds(1)), claimed.get(0));

		this.camel.getRouteController().startRoute("notification-outbox");

		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("SELECT COUNT(*) FROM outbound_mail WHERE id = ? AND status = 'SENT'", claimed.get(0)) == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.mail.inbox(anna).size() == 3);
		List<String> statusMailIds = this.mail.inbox(anna)
			.stream()
			.map(OutboxIntegrationTests::messageId)
			.filter(id -> id.contains(".status-assigned."))
			.toList();
		assertThat(statusMailIds).hasSize(2).containsOnly(first.getMessageID());
		assertThat(this.jdbc.queryForMap("SELECT claims, attempts, resends FROM outbound_mail WHERE id = ?", claimed.get(0)))
			.containsEntry("claims", 2)
			.containsEntry("attempts", 2)
			.containsEntry("resends", 1);

		HttpResponse<String> metric = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/metrics/gateway.outbox.resends"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(metric.statusCode()).isEqualTo(200);
		assertThat(metric.body()).contains("\"name\":\"gateway.outbox.resends\"").containsPattern("\"value\":[1-9]");
	}

	@Test
	void theBacklogAndFailuresAreExposedAsMetrics() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String name : List.of("gateway.outbox.backlog", "gateway.outbox.failed")) {
			HttpResponse<String> metric = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/metrics/" + name)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(metric.statusCode()).as(name).isEqualTo(200);
			assertThat(metric.body()).contains("\"name\":\"" + name + "\"").contains("\"statistic\":\"VALUE\"");
		}
	}

	private TicketNumber openTicketAndAwaitAcknowledgement(String address) {
		TicketNumber number = tickets().open(address, "Medisch attest", "In bijlage mijn attest.", "nl");
		await().atMost(Duration.ofSeconds(20)).until(() -> this.mail.inbox(address).size() == 1);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> count("SELECT COUNT(*) FROM outbound_mail o JOIN ticket t ON t.id = o.ticket_id "
					+ "WHERE t.number = ? AND o.status = 'SENT'", number.value()) == 1);
		return number;
	}

	private void changeStatus(TicketNumber number, TicketStatus target) {
		tickets().changeStatus(number, target);
	}

	private TicketFixture tickets() {
		return new TicketFixture(this.ticketManagement, this.tickets, this.transaction, this.port);
	}

	private int statusMails(TicketNumber number, String status) {
		return count("SELECT COUNT(*) FROM outbound_mail o JOIN ticket t ON t.id = o.ticket_id "
				+ "WHERE t.number = ? AND o.kind <> 'acknowledgement' AND o.status = ?", number.value(), status);
	}

	private void sendOverSmtp(MimeMessage message) throws Exception {
		Properties properties = new Properties();
		Session session = Session.getInstance(properties);
		try (Transport transport = session.getTransport("smtp")) {
			transport.connect("127.0.0.1", this.mailSettings.smtpPort(), null, null);
			transport.sendMessage(message, message.getAllRecipients());
		}
	}

	private int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
