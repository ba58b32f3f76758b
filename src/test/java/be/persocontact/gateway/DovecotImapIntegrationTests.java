package be.persocontact.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import be.persocontact.gateway.system.mailsignin.AccessToken;
import be.persocontact.gateway.system.mailsignin.AccessTokens;
import be.persocontact.gateway.system.mailsignin.SignInProperties;
import be.persocontact.gateway.system.mailsignin.TokenSource;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The gateway against Dovecot, a production IMAP server: mail leaves the inbox by IMAP MOVE only after
 * commit, UIDs and UIDVALIDITY are recorded, and a mail that could not be moved is seen again and
 * absorbed as a duplicate, never a second ticket. Runs where Dovecot is installed, and always in CI
 * ({@code .ci/run} installs it).
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = "gateway.mail.poll-delay=150")
@DirtiesContext
@EnabledIf(value = "dovecotAvailable", disabledReason = "needs Debian's dovecot-imapd")
class DovecotImapIntegrationTests {

	private static final String HELPDESK = "helpdesk@persocontact.local";

	private static DovecotServer dovecot;

	@Autowired
	JdbcTemplate jdbc;

	static boolean dovecotAvailable() {
		return DebianPackages.installed("DovecotImapIntegrationTests", "dovecot-imapd", DovecotServer.BINARY);
	}

	@BeforeAll
	static void startDovecot() throws Exception {
		dovecot = DovecotServer.start();
		// read by EmbeddedDefaults before the context exists: a configured host means no embedded mail server
		System.setProperty("gateway.mail.host", "127.0.0.1");
		System.setProperty("gateway.mail.imap-protocol", "imap");
		System.setProperty("gateway.mail.imap-port", String.valueOf(dovecot.port));
		System.setProperty("gateway.mail.password", "secret");
		System.setProperty("gateway.mail.smtp-protocol", "smtp");
		System.setProperty("gateway.mail.smtp-port", "1"); // no SMTP here: the outbox retries, intake is what counts
		// a throw-away server on loopback that writes no Authentication-Results; no officer acts in these tests
		System.setProperty("gateway.intake.trust-unauthenticated-mail", "true");
	}

	@AfterAll
	static void stopDovecot() throws Exception {
		for (String key : new String[] { "host", "imap-protocol", "imap-port", "password", "smtp-protocol", "smtp-port" }) {
			System.clearProperty("gateway.mail." + key);
		}
		System.clearProperty("gateway.intake.trust-unauthenticated-mail");
		if (dovecot != null) {
			dovecot.close();
		}
	}

	@Test
	void theServerOffersMoveAndUidplusAndTheMoverUsesMove() throws Exception {
		ByteArrayOutputStream trace = new ByteArrayOutputStream();
		Session session = Session.getInstance(new Properties());
		session.setDebug(true);
		session.setDebugOut(new PrintStream(trace, true, StandardCharsets.UTF_8));
		try (Store store = session.getStore("imap")) {
			store.connect("127.0.0.1", dovecot.port, "mover@persocontact.local", "secret");
			assertThat(((IMAPStore) store).hasCapability("MOVE")).isTrue();
			assertThat(((IMAPStore) store).hasCapability("UIDPLUS")).isTrue();
			assertThat(((IMAPStore) store).hasCapability("IDLE")).isTrue();
			Folder inbox = store.getFolder("INBOX");
			inbox.appendMessages(new Message[] { mail("mover@example.org", "move me") });
			inbox.open(Folder.READ_WRITE);
			be.persocontact.gateway.intake.mail.MailboxMoverAccess.move(inbox.getMessage(1), "Processed");
			inbox.close(false);
			assertThat(store.getFolder("INBOX").getMessageCount()).isZero();
			assertThat(store.getFolder("Processed").getMessageCount()).isOne();
		}
		assertThat(trace.toString(StandardCharsets.UTF_8)).contains(" MOVE ").doesNotContain(" COPY ");
	}

	@Test
	void anOAuth2SignInNeverSendsItsTokenToAServerThatDoesNotOfferXoauth2() throws Exception {
		// this server takes PLAIN and LOGIN only, with the password "secret": Angus would fall back to LOGIN
		// and send the token as a password, which with this token even signs in
		AccessTokens tokens = new AccessTokens(HELPDESK, new TokenSource() {

			@Override
			public AccessToken fetch(String login) {
				return new AccessToken("secret", Instant.now(), Instant.now().plus(Duration.ofHours(1)));
			}

			@Override
			public String describe() {
				return "a token that happens to be the password";
			}

		}, Duration.ofMinutes(5), Clock.systemUTC(), null);
		ByteArrayOutputStream trace = new ByteArrayOutputStream();
		Session session = Session.getInstance(SignInProperties.imap(tokens));
		session.setDebug(true);
		session.setDebugOut(new PrintStream(trace, true, StandardCharsets.UTF_8));
		Store store = session.getStore("imap");
		assertThatThrownBy(() -> store.connect("127.0.0.1", dovecot.port, HELPDESK, "secret"))
			.isInstanceOf(MessagingException.class)
			.hasMessageContaining("does not offer AUTH=XOAUTH2");
		assertThat(store.isConnected()).isFalse();
		assertThat(trace.toString(StandardCharsets.UTF_8)).doesNotContain(" LOGIN ").doesNotContain("AUTHENTICATE");
	}

	@Test
	void aMailIsRecordedWithItsUidAndMovedToProcessedOnlyOnce() throws Exception {
		String sender = "anna." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		MimeMessage original = mail(sender, "Ouderschapsverlof");
		append("INBOX", original);

		await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM inbound_message WHERE sender = ? "
				+ "AND outcome = 'TICKET_CREATED' AND uid IS NOT NULL AND uid_validity IS NOT NULL", sender) == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> folderCount("INBOX") == 0 && folderCount("Processed") >= 1);

		// the same mail arriving once more (a second delivery) is absorbed
		append("INBOX", original);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("SELECT COUNT(*) FROM inbound_message WHERE sender = ? AND outcome = 'DUPLICATE'", sender) == 1);
		assertThat(count("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", sender)).isOne();
	}

	@Test
	void aMailThatCouldNotBeMovedAfterCommitIsSeenAgainAndAbsorbedAsADuplicate() throws Exception {
		// a file where the Maildir++ folder ".Blocked" would go makes creating that folder fail, as a crash would
		Path maildir = dovecot.home.resolve(HELPDESK).resolve("Maildir");
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.isDirectory(maildir));
		String sender = "bert." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		this.jdbc.execute("SELECT 1"); // context is up
		Path blocker = maildir.resolve(".Processed");
		boolean processedExists = Files.exists(blocker);
		if (processedExists) {
			// earlier tests created the folder; block a fresh name instead by renaming it away temporarily
			Files.move(blocker, maildir.resolve(".Processed-moved-away"));
		}
		Files.writeString(blocker, "not a folder");
		try {
			append("INBOX", mail(sender, "Attest"));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> count("SELECT COALESCE(MAX(deliveries), 0) FROM inbound_message WHERE sender = ?", sender) >= 2);
			assertThat(count("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", sender)).isOne();
			assertThat(folderCount("INBOX")).isOne();
		}
		finally {
			Files.delete(blocker);
			if (processedExists) {
				Files.move(maildir.resolve(".Processed-moved-away"), blocker);
			}
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> folderCount("INBOX") == 0);
		assertThat(count("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", sender)).isOne();
	}

	private int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

	private static MimeMessage mail(String from, String subject) throws Exception {
		String raw = """
				From: %s\r
				To: %s\r
				Subject: %s\r
				Message-ID: <%s@example.org>\r
				Content-Type: text/plain; charset=utf-8\r
				\r
				Graag uw hulp.\r
				""".formatted(from, HELPDESK, subject, UUID.randomUUID());
		return new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
	}

	private static void append(String folder, MimeMessage message) throws Exception {
		try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
			store.connect("127.0.0.1", dovecot.port, HELPDESK, "secret");
			store.getFolder(folder).appendMessages(new Message[] { message });
		}
	}

	private static int folderCount(String folder) throws Exception {
		try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
			store.connect("127.0.0.1", dovecot.port, HELPDESK, "secret");
			Folder f = store.getFolder(folder);
			return f.exists() ? f.getMessageCount() : 0;
		}
	}

}
