package be.persocontact.gateway;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;

import be.persocontact.gateway.attachment.AttachmentManagement;
import be.persocontact.gateway.system.EmbeddedMariaDb;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * The intake when its servers go away: the database stops while a mail is being processed, the IMAP
 * connection drops in the middle of a batch. Both servers are real (MariaDB, GreenMail) and reached
 * through a {@link TcpProxy} that the test cuts, so the gateway sees exactly what a dead server or a
 * broken network looks like. This context has its own mail server and database and is closed after.
 */
@ExtendWith(IntakeOutageIntegrationTests.ServersBehindProxies.class) // before Spring's: outlives the context
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = { "gateway.mail.poll-delay=200",
		// fail fast while the database is away instead of waiting 30 s for a connection
		"spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500" })
@DirtiesContext
class IntakeOutageIntegrationTests {

	private static final String HELPDESK = "helpdesk@persocontact.local";

	private static final String[] PROPERTIES = { "spring.datasource.url", "spring.datasource.username",
			"spring.datasource.password", "gateway.mail.host", "gateway.mail.imap-protocol", "gateway.mail.imap-port",
			"gateway.mail.smtp-protocol", "gateway.mail.smtp-port", "gateway.intake.trust-unauthenticated-mail" };

	/** Set by a test just before its mail arrives: the database stops once that mail's raw record is stored. */
	private static final AtomicBoolean stopDatabaseDuringNextMail = new AtomicBoolean();

	private static EmbeddedMariaDb mariaDb;

	private static TcpProxy database;

	private static GreenMail greenMail;

	private static TcpProxy imap;

	private static String databaseName;

	@Autowired
	JdbcTemplate jdbc;

	@MockitoSpyBean
	AttachmentManagement attachments;

	private MailServerFixture mail;

	/** Straight to MariaDB, past the proxy: what is stored while the gateway cannot reach it. */
	private JdbcTemplate direct;

	@BeforeEach
	void connect() {
		this.mail = new MailServerFixture(greenMail, greenMail.getSmtp().getPort());
		this.direct = new JdbcTemplate(new DriverManagerDataSource(
				"jdbc:mariadb://127.0.0.1:" + mariaDb.port() + "/" + databaseName, "root", ""));
		doAnswer(invocation -> {
			if (stopDatabaseDuringNextMail.getAndSet(false)) {
				database.cut();
			}
			return invocation.callRealMethod();
		}).when(this.attachments).inspect(any());
	}

	@AfterEach
	void restoreServers() {
		stopDatabaseDuringNextMail.set(false);
		database.restore();
		imap.restore();
	}

	@Test
	void aMailBeingProcessedWhenTheDatabaseStopsStaysRecordedAndBecomesOneTicketWhenItReturns() throws Exception {
		String sender = unique("db.outage");
		stopDatabaseDuringNextMail.set(true);
		this.mail.sendRaw(mailFrom(sender, "Verlof " + sender), HELPDESK);

		// the raw record was stored, then the database went away in the middle of the ticket work
		await().atMost(Duration.ofSeconds(20)).until(() -> !stopDatabaseDuringNextMail.get()
				&& count(this.direct, "SELECT COUNT(*) FROM inbound_message WHERE sender = ?", sender) == 1);
		Thread.sleep(3000); // many polls while the database is away
		assertThat(this.direct.queryForObject("SELECT outcome FROM inbound_message WHERE sender = ?", String.class,
				sender)).isEqualTo("RECEIVED");
		assertThat(count(this.direct, "SELECT COUNT(*) FROM ticket WHERE requester_address = ?", sender)).isZero();
		// recorded before the database went: the mail is the database's now, and left the inbox
		assertThat(subjects(this.mail.folder(HELPDESK, "Processed"))).containsOnlyOnce("Verlof " + sender);
		assertThat(this.mail.inbox(sender)).isEmpty();

		database.restore();

		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions() // the pool needs a moment to reconnect, for the test as for the gateway
			.until(() -> count(this.jdbc, "SELECT COUNT(*) FROM inbound_message WHERE sender = ? AND outcome = "
					+ "'TICKET_CREATED'", sender) == 1 && this.mail.inbox(sender).size() == 1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> subjects(this.mail.folder(HELPDESK, "Processed")).contains("Verlof " + sender)
					&& !subjects(this.mail.inbox(HELPDESK)).contains("Verlof " + sender));
		Thread.sleep(2000); // time for a second ticket or acknowledgement, were there one
		assertThat(count(this.jdbc, "SELECT COUNT(*) FROM ticket WHERE requester_address = ?", sender)).isOne();
		assertThat(count(this.jdbc, "SELECT COUNT(*) FROM inbound_message WHERE sender = ?", sender)).isOne();
		assertThat(this.mail.inbox(sender)).hasSize(1);
		assertThat(subjects(this.mail.folder(HELPDESK, "Processed"))).containsOnlyOnce("Verlof " + sender);
	}

	@Test
	void anImapConnectionDroppedInTheMiddleOfABatchLosesNoMailAndDuplicatesNone() throws Exception {
		String batch = UUID.randomUUID().toString().substring(0, 8);
		int mails = 30;
		for (int i = 0; i < mails; i++) {
			String sender = "batch" + i + "." + batch + "@example.org";
			this.mail.appendRaw(mailFrom(sender, "Attest " + i + " " + batch), HELPDESK);
		}
		String senders = "%." + batch + "@example.org";

		await().atMost(Duration.ofSeconds(60))
			.until(() -> count(this.jdbc, "SELECT COUNT(*) FROM inbound_message WHERE sender LIKE ? AND outcome = "
					+ "'TICKET_CREATED'", senders) >= 5);
		imap.cut();
		int beforeTheCut = count(this.jdbc, "SELECT COUNT(*) FROM inbound_message WHERE sender LIKE ? AND outcome = "
				+ "'TICKET_CREATED'", senders);
		assertThat(beforeTheCut).as("the connection dropped in the middle of the batch").isLessThan(mails);
		Thread.sleep(1500); // polls fail while the mail server cannot be reached
		imap.restore();

		await().atMost(Duration.ofSeconds(120))
			.until(() -> count(this.jdbc, "SELECT COUNT(*) FROM inbound_message WHERE sender LIKE ? AND outcome = "
					+ "'TICKET_CREATED'", senders) == mails);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> subjects(this.mail.inbox(HELPDESK)).stream().noneMatch(s -> s.endsWith(batch)));
		await().atMost(Duration.ofSeconds(30)).until(() -> allAcknowledged(batch, mails));
		Thread.sleep(2000); // time for a second ticket or acknowledgement, were there one
		assertThat(count(this.jdbc, "SELECT COUNT(*) FROM ticket WHERE requester_address LIKE ?", senders))
			.isEqualTo(mails);
		assertThat(count(this.jdbc, "SELECT COUNT(*) FROM inbound_message WHERE sender LIKE ?", senders))
			.isEqualTo(mails);
		for (int i = 0; i < mails; i++) {
			assertThat(this.mail.inbox("batch" + i + "." + batch + "@example.org")).as("acknowledgements of mail " + i)
				.hasSize(1);
		}
		List<String> processed = subjects(this.mail.folder(HELPDESK, "Processed")).stream()
			.filter(s -> s.endsWith(batch))
			.toList();
		assertThat(processed).hasSize(mails).doesNotHaveDuplicates();
	}

	private static Flags inboxFlags(String subject) throws Exception {
		GreenMailUser user = greenMail.getUserManager().getUserByEmail(HELPDESK);
		for (StoredMessage message : greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
			if (subject.equals(message.getMimeMessage().getSubject())) {
				return message.getFlags();
			}
		}
		throw new AssertionError("not in the inbox: " + subject);
	}

	private boolean allAcknowledged(String batch, int mails) {
		for (int i = 0; i < mails; i++) {
			if (this.mail.inbox("batch" + i + "." + batch + "@example.org").isEmpty()) {
				return false;
			}
		}
		return true;
	}

	private static int count(JdbcTemplate jdbc, String sql, Object... args) {
		return jdbc.queryForObject(sql, Integer.class, args);
	}

	private static List<String> subjects(List<MimeMessage> messages) {
		return messages.stream().map(MailIntegrationTestSupport::subjectOf).toList();
	}

	private static String unique(String name) {
		return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	private static String mailFrom(String address, String subject) {
		return """
				From: %s
				To: helpdesk@persocontact.local
				Subject: %s
				Message-ID: <%s@example.org>
				Content-Type: text/plain; charset=utf-8

				Hierbij mijn attest.
				""".formatted(address, subject, UUID.randomUUID());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}


	/**
	 * MariaDB and GreenMail behind their proxies, started before the Spring context (whose configuration
	 * points at the proxies) and stopped only after Spring has closed it.
	 */
	static final class ServersBehindProxies implements BeforeAllCallback, AfterAllCallback {

		@Override
		public void beforeAll(ExtensionContext extension) throws Exception {
			File dataDir = new File("target/test-data/mariadb");
			int port = EmbeddedMariaDb.runningPort(dataDir).orElseGet(IntakeOutageIntegrationTests::freePort);
			mariaDb = EmbeddedMariaDb.acquire(new File("target/test-data/mariadb-server"), dataDir, port);
			database = TcpProxy.to(mariaDb.port());
			int smtpPort = freePort();
			greenMail = new GreenMail(new ServerSetup[] {
					new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
					new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP) })
				.withConfiguration(GreenMailConfiguration.aConfig()
					.withDisabledAuthentication()
					.withUser(HELPDESK, HELPDESK, "helpdesk"));
			greenMail.start();
			imap = TcpProxy.to(greenMail.getImap().getPort());
			databaseName = "test_outage_" + UUID.randomUUID().toString().substring(0, 8);
			// read by EmbeddedDefaults before the context exists: configured servers mean no embedded ones
			System.setProperty("spring.datasource.url", "jdbc:mariadb://127.0.0.1:" + database.port() + "/"
					+ databaseName + "?createDatabaseIfNotExist=true");
			System.setProperty("spring.datasource.username", "root");
			System.setProperty("spring.datasource.password", "");
			System.setProperty("gateway.mail.host", "127.0.0.1");
			// a test mail server on loopback: nobody else writes to it, and no officer acts here
			System.setProperty("gateway.intake.trust-unauthenticated-mail", "true");
			System.setProperty("gateway.mail.imap-protocol", "imap");
			System.setProperty("gateway.mail.imap-port", String.valueOf(imap.port()));
			System.setProperty("gateway.mail.smtp-protocol", "smtp");
			System.setProperty("gateway.mail.smtp-port", String.valueOf(smtpPort));
		}

		@Override
		public void afterAll(ExtensionContext extension) {
			for (String property : PROPERTIES) {
				System.clearProperty(property);
			}
			if (imap != null) {
				imap.close();
			}
			if (greenMail != null) {
				greenMail.stop();
			}
			if (database != null) {
				database.close();
			}
			if (mariaDb != null) {
				mariaDb.release();
			}
		}

	}

}
