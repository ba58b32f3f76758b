package be.persocontact.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import be.persocontact.gateway.system.MailServerSettings;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway as it runs: embedded MariaDB and GreenMail, the Camel pollers, the web server on a random
 * port. Tests talk to it as users do, over SMTP, IMAP and HTTP, and look into the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class MailIntegrationTestSupport {

	@Autowired
	protected GreenMail greenMail;

	@Autowired
	protected MailServerSettings mailSettings;

	@Autowired
	protected JdbcTemplate jdbc;

	@LocalServerPort
	protected int port;

	protected MailServerFixture mail;

	protected final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void connectMailServer() {
		this.mail = new MailServerFixture(this.greenMail, this.mailSettings.smtpPort());
	}

	protected String helpdesk() {
		return this.mailSettings.address();
	}

	protected String awaitTicketOf(String address) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", address) >= 1);
		return this.jdbc.queryForObject("SELECT number FROM ticket WHERE requester_address = ? ORDER BY id LIMIT 1",
				String.class, address);
	}

	protected MimeMessage awaitSingleMail(String address) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !this.mail.inbox(address).isEmpty());
		List<MimeMessage> inbox = this.mail.inbox(address);
		assertThat(inbox).hasSize(1);
		return inbox.get(0);
	}

	/** Waits until the gateway recorded this many inbound messages from the sender, with any outcome but RECEIVED/FAILED. */
	protected void awaitProcessed(String sender, int messages) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("SELECT COUNT(*) FROM inbound_message WHERE sender = ? AND outcome NOT IN "
					+ "('RECEIVED', 'FAILED')", sender) >= messages);
	}

	protected String outcomeOfLast(String sender) {
		return this.jdbc.queryForObject(
				"SELECT outcome FROM inbound_message WHERE sender = ? ORDER BY id DESC LIMIT 1", String.class, sender);
	}

	protected List<String> timeline(String number, String kind) {
		return this.jdbc.queryForList("SELECT e.body FROM timeline_entry e JOIN ticket t ON t.id = e.ticket_id "
				+ "WHERE t.number = ? AND e.kind = ? ORDER BY e.id", String.class, number, kind);
	}

	/** The system notes of a ticket, apart from its routing decisions ("Queue …"). */
	protected List<String> notesBesidesRouting(String number) {
		return timeline(number, "SYSTEM").stream().filter(note -> !note.startsWith("Queue ")).toList();
	}

	protected int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

	protected HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	protected static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			return "";
		}
	}

	protected static String unique(String name) {
		return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	protected static String mailFrom(String address, String name, String subject, String body, String language) {
		return """
				From: %s
				To: helpdesk@persocontact.local
				Subject: %s
				Date: Sun, 29 Nov 2026 10:00:00 +0100
				Message-ID: <%s@example.org>
				%sContent-Type: text/plain; charset=utf-8
				Content-Transfer-Encoding: 8bit

				%s
				""".formatted(name == null ? address : name + " <" + address + ">", subject, UUID.randomUUID(),
				language == null ? "" : "Content-Language: " + language + "\n", body);
	}

}
