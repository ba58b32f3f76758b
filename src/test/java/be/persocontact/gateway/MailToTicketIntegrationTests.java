package be.persocontact.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.system.MailServerSettings;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton end to end, on the real servers: SMTP into the embedded GreenMail, the Camel
 * IMAP poller, MariaDB, the outbox route back out over SMTP, and the view over HTTP.
 */
class MailToTicketIntegrationTests extends MailIntegrationTestSupport {

	private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/t/[A-Za-z0-9_-]+)");

	@Autowired
	SignedLinks links;

	@Autowired
	CamelContext camel;

	@Test
	void aMailBecomesATicketAndItsSenderGetsAnAcknowledgementWithAWorkingLink() throws Exception {
		String anna = unique("anna");
		this.mail.sendRaw(mailFrom(anna, "Anna Peeters", "Medisch attest", "In bijlage mijn attest.", "nl"), helpdesk());

		String number = awaitTicketOf(anna);
		assertThat(number).matches("HRB\\d{7}");
		assertThat(this.jdbc.queryForMap("SELECT subject, status, requester_language FROM ticket WHERE number = ?", number))
			.containsEntry("subject", "Medisch attest")
			.containsEntry("status", "OPEN")
			.containsEntry("requester_language", "nl");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM inbound_message WHERE sender = ? AND outcome = 'TICKET_CREATED' "
						+ "AND ticket_number = ? AND LENGTH(raw) > 0 AND sha256 IS NOT NULL AND uid IS NOT NULL",
				Integer.class, anna, number))
			.isOne();

		MimeMessage ack = awaitSingleMail(anna);
		assertThat(ack.getSubject()).isEqualTo("[" + number + "] Medisch attest");
		assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
		assertThat(ack.getMessageID()).startsWith("<" + number + ".acknowledgement.").endsWith("@persocontact.local>");
		assertThat(ack.getFrom()[0].toString()).contains(helpdesk());
		String body = GreenMailUtil.getBody(ack);
		assertThat(body).contains("We hebben uw aanvraag ontvangen");

		String path = linkPath(body);
		HttpResponse<String> page = get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(number).contains("Medisch attest").contains("In bijlage mijn attest.");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'none'");

		HttpResponse<String> tampered = get(tamper(path));
		assertThat(tampered.statusCode()).isEqualTo(404);
		assertThat(tampered.body()).contains("Deze link werkt niet").contains("Ce lien ne fonctionne pas")
			.contains("Dieser Link funktioniert nicht").contains("This link does not work")
			.doesNotContain(number).doesNotContainIgnoringCase("exception");
	}

	@Test
	void anExpiredLinkGetsAFriendlyGonePageAndALinkForSomeoneElseFindsNothing() throws Exception {
		String anna = unique("anna");
		this.mail.sendRaw(mailFrom(anna, null, "Loonsimulatie", "Graag een simulatie.", null), helpdesk());
		String number = awaitTicketOf(anna);
		long id = this.jdbc.queryForObject("SELECT id FROM ticket WHERE number = ?", Long.class, number);

		HttpResponse<String> expired = get(
				"/t/" + this.links.issue(LinkPurpose.VIEW_TICKET, id, anna, Duration.ofSeconds(-1)));
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(expired.body()).contains("Deze link is verlopen").doesNotContain(number);

		HttpResponse<String> someoneElse = get(
				"/t/" + this.links.issue(LinkPurpose.VIEW_TICKET, id, unique("mallory"), Duration.ofDays(1)));
		assertThat(someoneElse.statusCode()).isEqualTo(404);
		assertThat(someoneElse.body()).doesNotContain(number);
	}

	@Test
	void aReplyFromTheRequesterLandsOnTheSameTicketAndAStrangerQuotingItGetsANewOne() throws Exception {
		String anna = unique("anna");
		this.mail.sendRaw(mailFrom(anna, "Anna", "Ouderschapsverlof", "Ik vraag ouderschapsverlof aan.", "nl"),
				helpdesk());
		String number = awaitTicketOf(anna);
		awaitSingleMail(anna);

		this.mail.sendRaw(mailFrom(anna, "Anna", "RE: [" + number + "] Ouderschapsverlof", "Hier is de geboorteakte.",
				"nl"), helpdesk());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("SELECT COUNT(*) FROM inbound_message WHERE sender = ? AND outcome = 'APPENDED'", anna) == 1);
		assertThat(count("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", anna)).isOne();
		assertThat(timelineBodies(number)).containsExactly("Ik vraag ouderschapsverlof aan.", "Hier is de geboorteakte.");

		String mallory = unique("mallory");
		this.mail.sendRaw(mailFrom(mallory, null, "Re: [" + number + "] Ouderschapsverlof", "Voeg mij toe.", null),
				helpdesk());
		String strangersTicket = awaitTicketOf(mallory);
		assertThat(strangersTicket).isNotEqualTo(number);
		assertThat(timelineBodies(number)).doesNotContain("Voeg mij toe.");
		assertThat(awaitSingleMail(mallory).getSubject()).startsWith("[" + strangersTicket + "]");
		assertThat(this.mail.inbox(anna)).hasSize(1);
	}

	@Test
	void theSameMessageDeliveredTwiceCreatesOneTicket() throws Exception {
		String anna = unique("anna");
		String raw = mailFrom(anna, "Anna", "Thuiswerkovereenkomst", "Graag een overeenkomst.", "nl");

		// twice over SMTP (each delivery adds its own trace headers) and twice as the very same bytes
		this.mail.sendRaw(raw, helpdesk());
		this.mail.sendRaw(raw, helpdesk());
		this.mail.appendRaw(raw, helpdesk());
		this.mail.appendRaw(raw, helpdesk());

		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("SELECT COUNT(*) FROM inbound_message WHERE sender = ? AND outcome IN "
					+ "('TICKET_CREATED', 'DUPLICATE')", anna) == 4);
		assertThat(count("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", anna)).isOne();
		assertThat(count("SELECT COUNT(*) FROM inbound_message WHERE sender = ? AND outcome = 'DUPLICATE'", anna))
			.isEqualTo(3);
		awaitSingleMail(anna);
		Thread.sleep(1000); // a second acknowledgement would have been sent by now
		assertThat(this.mail.inbox(anna)).hasSize(1);
	}

	@Test
	void hostileHeadersInAMailSteerNeitherRecipientsNorSubjectNorMailboxHandling() throws Exception {
		List<Map<String, Object>> intakeHeaders = new CopyOnWriteArrayList<>();
		EventNotifierSupport spy = new EventNotifierSupport() {
			@Override
			public void notify(CamelEvent event) {
				if (event instanceof CamelEvent.ExchangeCompletedEvent completed
						&& "mail-intake".equals(completed.getExchange().getFromRouteId())) {
					intakeHeaders.add(new HashMap<>(completed.getExchange().getIn().getHeaders()));
				}
			}
		};
		spy.start();
		this.camel.getManagementStrategy().addEventNotifier(spy);
		String anna = unique("anna");
		String attacker = unique("attacker");
		String raw = """
				From: Anna <%s>
				To: %s
				Bcc: %s
				Subject: Gezinssamenstelling
				Message-ID: <%s@example.org>
				CamelMailAlternativeBody: <p>Send your password to %s</p>
				CamelMailSubject: Hacked
				moveTo: Trash
				copyTo: Leak
				delete: true
				CamelMailMoveTo: Trash
				CamelMailCopyTo: Leak
				CamelMailDelete: true
				mail.smtp.from: %s
				Content-Type: text/plain; charset=utf-8

				Mijn gezin is uitgebreid.
				""".formatted(anna, helpdesk(), attacker, UUID.randomUUID(), attacker, attacker);
		this.mail.sendRaw(raw, helpdesk());

		String number = awaitTicketOf(anna);
		MimeMessage ack = awaitSingleMail(anna);
		assertThat(ack.getSubject()).isEqualTo("[" + number + "] Gezinssamenstelling");
		assertThat(ack.getAllRecipients()).extracting(Object::toString).containsExactly(anna);
		assertThat(GreenMailUtil.getBody(ack)).doesNotContain("password").doesNotContain(attacker);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mail.folder(helpdesk(), this.mailSettings.processedFolder())
				.stream()
				.anyMatch(m -> subjectOf(m).equals("Gezinssamenstelling")));
		assertThat(this.mail.folderExists(helpdesk(), "Trash")).isFalse();
		assertThat(this.mail.folderExists(helpdesk(), "Leak")).isFalse();
		Thread.sleep(1000);
		assertThat(this.mail.inbox(attacker)).isEmpty();
		this.camel.getManagementStrategy().removeEventNotifier(spy);
		// no header of any polled mail ever became a Camel header
		assertThat(intakeHeaders).isNotEmpty().allSatisfy(headers -> assertThat(headers.keySet())
			.doesNotContain("Bcc", "Subject", "From", "moveTo", "CamelMailAlternativeBody", "CamelMailSubject"));
	}

	@Test
	void aMailWithoutASenderKeepsItsRawRecordAndErrorAndIsQuarantinedAtOnceWithoutBlockingOthers() throws Exception {
		String marker = UUID.randomUUID().toString();
		// no usable From address: no retry can give the mail a sender, so it is not tried again
		this.mail.sendRaw("""
				From: undisclosed-recipients:;
				To: %s
				Subject: broken %s
				Message-ID: <%s@example.org>

				Who am I?
				""".formatted(helpdesk(), marker, marker), helpdesk());
		String anna = unique("anna");
		this.mail.sendRaw(mailFrom(anna, null, "Woon-werkverkeer", "Mijn nieuwe adres.", null), helpdesk());

		awaitTicketOf(anna);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("SELECT COUNT(*) FROM inbound_message WHERE subject = ? AND outcome = 'QUARANTINED'",
					"broken " + marker) == 1);
		Map<String, Object> record = this.jdbc.queryForMap(
				"SELECT attempts, reason, error, LENGTH(raw) AS size FROM inbound_message WHERE subject = ?",
				"broken " + marker);
		assertThat((Integer) record.get("attempts")).isEqualTo(1);
		assertThat((String) record.get("reason")).isEqualTo("NO_SENDER");
		assertThat((String) record.get("error")).contains("No usable address in From, Sender or Return-Path").contains("undisclosed-recipients");
		assertThat(((Number) record.get("size")).longValue()).isPositive();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mail.folder(helpdesk(), this.mailSettings.processedFolder())
				.stream()
				.anyMatch(m -> subjectOf(m).equals("broken " + marker)));
		// a move is a copy, then an expunge of the original: the inbox catches up a moment later
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.mail.inbox(helpdesk()))
				.noneMatch(m -> subjectOf(m).equals("broken " + marker)));
	}

	/**
	 * A scan of several megabytes is fetched from the mailbox in pieces of 1 MB (so that it is not held
	 * twice while it is read) and its file arrives whole, byte for byte, with the ticket.
	 */
	@Test
	void aMailOfSeveralMegabytesIsFetchedInPiecesAndItsFileArrivesWhole() throws Exception {
		String sender = unique("scan");
		StringBuilder text = new StringBuilder();
		java.util.Random random = new java.util.Random(20261207);
		while (text.length() < 3_500_000) {
			text.append("Regel ").append(random.nextInt()).append(" van het ingescande attest.\n");
		}
		byte[] file = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
		this.mail.sendRaw("From: Scan <" + sender + ">\nTo: " + helpdesk() + "\nSubject: Ingescand attest\n"
				+ "Message-ID: <" + sender.replace('@', '.') + "@example.org>\nMIME-Version: 1.0\n"
				+ "Content-Type: multipart/mixed; boundary=\"scan\"\n\n--scan\nContent-Type: text/plain; charset=utf-8\n\n"
				+ "In bijlage mijn attest.\n--scan\nContent-Type: text/plain; charset=utf-8; name=\"attest.txt\"\n"
				+ "Content-Disposition: attachment; filename=\"attest.txt\"\nContent-Transfer-Encoding: base64\n\n"
				+ java.util.Base64.getMimeEncoder().encodeToString(file) + "\n--scan--\n", helpdesk());

		String number = awaitTicketOf(sender);
		assertThat(this.jdbc.queryForObject("SELECT size_bytes FROM inbound_message WHERE ticket_number = ?",
				Long.class, number))
			.as("fetched in several pieces").isGreaterThan(3L * 1024 * 1024);
		assertThat(this.jdbc.queryForMap("SELECT a.sha256, a.size_bytes, a.accepted FROM ticket_attachment a "
				+ "JOIN ticket t ON t.id = a.ticket_id WHERE t.number = ? AND a.original_name = 'attest.txt'", number))
			.containsEntry("sha256", java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file)))
			.containsEntry("size_bytes", (long) file.length)
			.containsEntry("accepted", true);
	}

	private List<String> timelineBodies(String number) {
		return timeline(number, "REQUESTER_MESSAGE");
	}

	private static String linkPath(String body) {
		Matcher matcher = LINK.matcher(body);
		assertThat(matcher.find()).as("a link in %s", body).isTrue();
		return matcher.group(1);
	}

	private static String tamper(String path) {
		int i = path.length() / 2;
		char replacement = path.charAt(i) == 'A' ? 'B' : 'A';
		return path.substring(0, i) + replacement + path.substring(i + 1);
	}

}
