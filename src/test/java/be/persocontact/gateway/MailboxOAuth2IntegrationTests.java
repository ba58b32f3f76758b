package be.persocontact.gateway;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import be.persocontact.gateway.system.MailSignIn;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway signing in with OAuth2 to a real mail server: Dovecot takes only bearer tokens (SASL
 * XOAUTH2), checks each one at the test's introspection endpoint, and its submission service takes the
 * same tokens for SMTP and relays to a sink. Tokens live seconds, so a run spans several renewals; a
 * revoked token with the token endpoint down is reported, loses nothing, and work resumes when the
 * endpoint is back. No token and no secret is ever logged. Runs where Dovecot and its submission
 * service are installed, and always in CI ({@code .ci/run} installs them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = { "gateway.mail.poll-delay=150", "gateway.notification.initial-backoff=PT1S" })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@EnabledIf(value = "dovecotAvailable", disabledReason = "needs Debian's dovecot-imapd and dovecot-submissiond")
class MailboxOAuth2IntegrationTests {

	private static final String HELPDESK = "helpdesk@persocontact.local";

	private static final String CLIENT_ID = "persocontact-gateway";

	private static final String CLIENT_SECRET = "s3cr3t-" + UUID.randomUUID();

	/** Short enough that a test spans several; renewal is due after half of it (at most renew-before before expiry). */
	private static final Duration SHORT_LIFETIME = Duration.ofSeconds(6);

	private static TestTokenServer tokens;

	private static GreenMail sink;

	private static DovecotServer dovecot;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	MailSignIn signIn;

	@Autowired
	@Qualifier("mailSignInHealthIndicator")
	HealthIndicator mailSignInHealth;

	@LocalManagementPort
	int managementPort;

	static boolean dovecotAvailable() {
		return DebianPackages.installed("MailboxOAuth2IntegrationTests", "dovecot-imapd dovecot-submissiond",
				DovecotServer.BINARY, DovecotServer.SUBMISSION);
	}

	@BeforeAll
	static void startServers() throws Exception {
		tokens = new TestTokenServer(CLIENT_ID, CLIENT_SECRET, HELPDESK);
		tokens.lifetime(SHORT_LIFETIME);
		sink = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		sink.start();
		dovecot = DovecotServer.startWithOAuth2(tokens.introspectionUrl(), sink.getSmtp().getPort());
		// read by EmbeddedDefaults before the context exists: a configured host means no embedded mail server
		System.setProperty("gateway.mail.host", "127.0.0.1");
		System.setProperty("gateway.mail.imap-protocol", "imap");
		System.setProperty("gateway.mail.imap-port", String.valueOf(dovecot.port));
		System.setProperty("gateway.mail.smtp-protocol", "smtp");
		System.setProperty("gateway.mail.smtp-port", String.valueOf(dovecot.submissionPort));
		System.setProperty("gateway.mail.password", "");
		System.setProperty("gateway.mail.auth", "oauth2");
		System.setProperty("gateway.mail.oauth2.provider", "client-credentials");
		System.setProperty("gateway.mail.oauth2.token-url", tokens.tokenUrl());
		System.setProperty("gateway.mail.oauth2.client-id", CLIENT_ID);
		System.setProperty("gateway.mail.oauth2.client-secret", CLIENT_SECRET);
		System.setProperty("gateway.mail.oauth2.scope", "mail");
		System.setProperty("gateway.mail.oauth2.renew-before", "PT2S");
		// a throw-away server on loopback that writes no Authentication-Results; no officer acts in these tests
		System.setProperty("gateway.intake.trust-unauthenticated-mail", "true");
	}

	@AfterAll
	static void stopServers() throws Exception {
		for (String key : List.of("gateway.mail.host", "gateway.mail.imap-protocol", "gateway.mail.imap-port",
				"gateway.mail.smtp-protocol", "gateway.mail.smtp-port", "gateway.mail.password", "gateway.mail.auth",
				"gateway.mail.oauth2.provider", "gateway.mail.oauth2.token-url", "gateway.mail.oauth2.client-id",
				"gateway.mail.oauth2.client-secret", "gateway.mail.oauth2.scope", "gateway.mail.oauth2.renew-before",
				"gateway.intake.trust-unauthenticated-mail")) {
			System.clearProperty(key);
		}
		if (dovecot != null) {
			dovecot.close();
		}
		if (sink != null) {
			sink.stop();
		}
		if (tokens != null) {
			tokens.close();
		}
	}

	@BeforeEach
	void tokenEndpointWorksAndTokensAreShortLived() throws Exception {
		tokens.recover();
		tokens.lifetime(SHORT_LIFETIME);
		if (heldTokenValidity().compareTo(SHORT_LIFETIME) > 0) {
			// a long-lived token of an earlier test: refused, it is replaced by a short-lived one at once
			tokens.revokeAll();
			dovecot.kick(HELPDESK);
			await().atMost(Duration.ofSeconds(60)).until(() -> heldTokenValidity().compareTo(SHORT_LIFETIME) <= 0);
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> readiness().statusCode() == 200);
		// nothing of an earlier test still waiting to be sent
		await().atMost(Duration.ofSeconds(60))
			.until(() -> count("SELECT COUNT(*) FROM outbound_mail WHERE status = 'PENDING'") == 0);
	}

	@Test
	void everyMailIsTakenInAndAnsweredOverXoauth2WhileShortLivedTokensAreRenewed(CapturedOutput output)
			throws Exception {
		int issuedBefore = tokens.issued().size();
		Set<String> presentedBefore = tokens.presented();
		List<String> senders = List.of(unique("anna"), unique("bert"), unique("chloe"), unique("dirk"), unique("emma"));
		Instant started = Instant.now();
		for (String sender : senders) {
			append(mail(sender, "Attest"));
			// every session ends, as when a server restarts: the gateway must sign in again, with the token of now
			dovecot.kick(HELPDESK);
			Thread.sleep(3_000);
		}

		await().atMost(Duration.ofSeconds(90)).until(() -> senders.stream().allMatch(this::hasTicket));
		await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged(senders).size() == senders.size());
		await().atMost(Duration.ofSeconds(30)).until(() -> inboxCount() == 0);

		assertThat(Duration.between(started, Instant.now())).isGreaterThan(SHORT_LIFETIME.multipliedBy(2));
		assertThat(tokens.issued().size() - issuedBefore).as("tokens renewed during the run").isGreaterThanOrEqualTo(3);
		Set<String> presentedNow = new HashSet<>(tokens.presented());
		presentedNow.removeAll(presentedBefore);
		presentedNow.retainAll(tokens.issued());
		assertThat(presentedNow).as("renewed tokens Dovecot was shown (IMAP and SMTP sign-ins)").hasSizeGreaterThanOrEqualTo(3);
		for (String sender : senders) {
			assertThat(count("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", sender)).isOne();
		}
		assertThat(count("SELECT COUNT(*) FROM inbound_message WHERE outcome IN ('FAILED', 'QUARANTINED')")).isZero();
		assertThat(meters.get("gateway.mail.oauth2.renewals").tag("outcome", "success").counter().count())
			.isGreaterThanOrEqualTo(3);
		assertNoTokenNorSecretIn(output);
	}

	@Test
	void aTokenTheServerRefusesIsRenewedAtOnceAndTheMailGoesThrough(CapturedOutput output) throws Exception {
		// a token that outlives this test: without a renewal on refusal the gateway would keep presenting it
		tokens.lifetime(Duration.ofMinutes(5));
		await().atMost(Duration.ofSeconds(30)).until(() -> holdsLongLivedToken());
		double imapRefusals = refusals("imap");
		int issuedBefore = tokens.issued().size();

		tokens.revokeAll();
		dovecot.kick(HELPDESK);
		String dora = unique("dora");
		append(mail(dora, "Verhuis"));

		await().atMost(Duration.ofSeconds(60)).until(() -> hasTicket(dora));
		await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged(List.of(dora)).size() == 1);
		await().atMost(Duration.ofSeconds(30)).until(() -> inboxCount() == 0);
		assertThat(refusals("imap")).isGreaterThan(imapRefusals);
		assertThat(tokens.issued().size()).isGreaterThan(issuedBefore);
		await().atMost(Duration.ofSeconds(30)).until(() -> readiness().statusCode() == 200);
		assertThat(output).contains("refused the access token of " + HELPDESK);
		assertNoTokenNorSecretIn(output);
	}

	@Test
	void aRevokedTokenWithTheTokenEndpointDownIsReportedLosesNothingAndWorkResumesWhenItRecovers(
			CapturedOutput output) throws Exception {
		// a token valid for the whole test, so that what fails is its refusal, not its expiry
		tokens.lifetime(Duration.ofMinutes(5));
		await().atMost(Duration.ofSeconds(30)).until(() -> holdsLongLivedToken());
		double imapRefusals = refusals("imap");
		double smtpRefusals = refusals("smtp");

		tokens.failWith(503);
		tokens.revokeAll();
		dovecot.kick(HELPDESK);
		// a status mail waiting in the outbox, and a new mail in the inbox
		String carl = unique("carl");
		String waiting = "<status." + UUID.randomUUID() + "@persocontact.local>";
		this.jdbc.update("INSERT INTO outbound_mail (message_id, kind, language, recipient, subject, text_body, "
				+ "html_body, status, attempts, next_attempt_at, created_at) VALUES (?, 'status-changed', 'nl', ?, "
				+ "'Uw aanvraag', 'Tekst', '<p>Tekst</p>', 'PENDING', 0, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6))",
				waiting, carl);
		String bert = unique("bert");
		append(mail(bert, "Ouderschapsverlof"));

		await().atMost(Duration.ofSeconds(30)).until(() -> refusals("imap") > imapRefusals);
		await().atMost(Duration.ofSeconds(30)).until(() -> refusals("smtp") > smtpRefusals);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("SELECT attempts FROM outbound_mail WHERE message_id = ?", waiting) >= 2);
		Thread.sleep(2_000);
		assertThat(inboxCount()).as("the new mail waits in the inbox").isOne();
		assertThat(hasTicket(bert)).isFalse();
		assertThat(acknowledged(List.of(carl))).isEmpty();
		assertThat(count("SELECT COUNT(*) FROM outbound_mail WHERE message_id = ? AND status = 'PENDING'", waiting))
			.as("the outbox mail waits for its next attempt")
			.isOne();

		assertThat(readiness().statusCode()).isEqualTo(503);
		Health health = this.mailSignInHealth.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().toString()).contains("refusedBy", "answered 503");
		assertThat(meters.get("gateway.mail.oauth2.usable").gauge().value()).isZero();
		assertThat(meters.get("gateway.mail.oauth2.renewals").tag("outcome", "failure").counter().count()).isPositive();
		assertThat(output).contains("refused the access token of " + HELPDESK)
			.contains("no new access token for " + HELPDESK + ": token endpoint " + tokens.tokenUrl() + " answered 503");

		tokens.recover();

		await().atMost(Duration.ofSeconds(120)).until(() -> hasTicket(bert));
		await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged(List.of(carl, bert)).size() == 2);
		await().atMost(Duration.ofSeconds(30)).until(() -> inboxCount() == 0);
		await().atMost(Duration.ofSeconds(30)).until(() -> readiness().statusCode() == 200);
		assertThat(count("SELECT COUNT(*) FROM outbound_mail WHERE message_id = ? AND status = 'SENT'", waiting)).isOne();
		assertThat(count("SELECT COUNT(*) FROM inbound_message WHERE outcome IN ('FAILED', 'QUARANTINED')")).isZero();
		assertThat(meters.get("gateway.mail.oauth2.usable").gauge().value()).isOne();
		assertNoTokenNorSecretIn(output);
	}

	private boolean holdsLongLivedToken() {
		return heldTokenValidity().compareTo(Duration.ofSeconds(60)) > 0;
	}

	/** How long the token the gateway holds is still valid, if it is one the token endpoint issued. */
	private Duration heldTokenValidity() {
		String held = this.signIn.imapAuthenticator().getPasswordAuthentication().getPassword();
		Object validUntil = this.signIn.tokens().get(0).details().get("tokenValidUntil");
		if (!tokens.issued().contains(held) || !validUntil.toString().matches("\\d{4}-.*")) {
			return Duration.ZERO;
		}
		return Duration.between(Instant.now(), Instant.parse(validUntil.toString()));
	}

	private static void assertNoTokenNorSecretIn(CapturedOutput output) {
		String logged = output.getAll();
		assertThat(logged).as("the client secret").doesNotContain(CLIENT_SECRET);
		for (String token : tokens.issued()) {
			// the whole token, and its signature alone (a token cut in a log line is still a credential)
			assertThat(logged).as("an access token").doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
		}
	}

	private double refusals(String protocol) {
		var counter = this.meters.find("gateway.mail.oauth2.refusals").tag("protocol", protocol).counter();
		return counter == null ? 0 : counter.count();
	}

	private HttpResponse<String> readiness() throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness"))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private boolean hasTicket(String sender) {
		return count("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", sender) == 1;
	}

	/** The senders whose acknowledgement reached the sink, through Dovecot's submission service. */
	private static Set<String> acknowledged(List<String> senders) throws Exception {
		Set<String> reached = new HashSet<>();
		for (MimeMessage message : sink.getReceivedMessages()) {
			for (var recipient : message.getAllRecipients()) {
				String address = ((InternetAddress) recipient).getAddress();
				if (senders.contains(address)) {
					reached.add(address);
				}
			}
		}
		return reached;
	}

	private int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

	private static String unique(String name) {
		return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
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

	/** The test's own mail client, signed in with a token of its own (XOAUTH2, as the server takes nothing else). */
	private static Store clientStore() throws Exception {
		Properties properties = new Properties();
		properties.setProperty("mail.imap.auth.mechanisms", "XOAUTH2");
		Store store = Session.getInstance(properties).getStore("imap");
		store.connect("127.0.0.1", dovecot.port, HELPDESK, tokens.issue());
		return store;
	}

	private static void append(MimeMessage message) throws Exception {
		try (Store store = clientStore()) {
			store.getFolder("INBOX").appendMessages(new Message[] { message });
		}
	}

	private static int inboxCount() throws Exception {
		try (Store store = clientStore()) {
			Folder inbox = store.getFolder("INBOX");
			return inbox.getMessageCount();
		}
	}

}
