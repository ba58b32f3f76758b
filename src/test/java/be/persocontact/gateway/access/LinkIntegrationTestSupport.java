package be.persocontact.gateway.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.persocontact.gateway.TicketFixture;
import be.persocontact.gateway.TicketFixtureTestSupport;
import be.persocontact.gateway.attachment.AttachmentManagement;
import be.persocontact.gateway.attachment.AttachmentReceipt;
import be.persocontact.gateway.attachment.IncomingFile;
import be.persocontact.gateway.intake.MailIntake;
import be.persocontact.gateway.intake.RawMail;
import be.persocontact.gateway.portal.PortalLinks;
import be.persocontact.gateway.ticket.TicketNumber;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tickets with every kind of link an employee or officer holds: the pages' links, a file's download
 * link, a portal link, and both kinds of reply address, used as people use them (HTTP, and mail handed
 * to the intake as the mailbox would hand it). The receiving server is trusted for its
 * Authentication-Results, as in production, so officers' replies carry a DMARC pass.
 */
@TestPropertySource(properties = "gateway.intake.trusted-authserv-ids=mx.persocontact.local")
abstract class LinkIntegrationTestSupport extends TicketFixtureTestSupport {

	static final String AGENT = "Mozilla/5.0 (LinkIntegrationTests)";

	static final String QUEUE = "attestations";

	static final String OFFICER = "an.peeters@persocontact.local";

	static final String HELPDESK = "helpdesk@persocontact.local";

	static final String DMARC_PASS = "Authentication-Results: mx.persocontact.local; spf=pass; dmarc=pass "
			+ "header.from=persocontact.local\n";

	@Autowired
	LinkManagement linkManagement;

	@Autowired
	ReplyAddresses replyAddresses;

	@Autowired
	AttachmentManagement attachments;

	@Autowired
	MailIntake intake;

	@Autowired
	PortalLinks portalLinks;

	@Autowired
	MeterRegistry meters;

	@Value("${gateway.ops.token}")
	String opsToken;

	final HttpClient http = HttpClient.newHttpClient();

	/** A ticket of that requester in the attestations queue, with one accepted file. */
	Case openCase(String requester, String subject) {
		TicketNumber number = this.fixture.open(requester, subject, "Zie bijlage.", "nl");
		long id = this.fixture.idOf(number);
		this.transaction.executeWithoutResult(status -> this.management.route(number, QUEUE, "test"));
		AttachmentReceipt receipt = this.transaction.execute(status -> this.attachments
			.record(this.attachments.inspect(List.of(new IncomingFile("attest.txt", "text/plain",
					("Attest voor " + subject).getBytes(StandardCharsets.UTF_8)))), id)
			.get(0));
		assertThat(receipt.accepted()).as("the test file is accepted").isTrue();
		return new Case(number, id, requester, receipt.attachmentId());
	}

	/** Every page link of the case, as its mails and pages hand them out, by kind. */
	Map<String, String> pageLinks(Case c) {
		return Map.of("view", path(this.links.ticketViewUrl(c.id(), c.requester())), //
				"my cases", path(this.links.url(LinkPurpose.MY_CASES, c.id(), c.requester())), //
				"accept", path(this.links.url(LinkPurpose.ACCEPT_SOLUTION, c.id(), c.requester())), //
				"refuse", path(this.links.url(LinkPurpose.REFUSE_SOLUTION, c.id(), c.requester())), //
				"download", path(this.attachments.downloadUrl(c.id(), c.attachmentId(), c.requester())), //
				"officer view", path(this.links.url(LinkPurpose.OFFICER_VIEW, c.id(), "queue:" + QUEUE)));
	}

	String requesterReplyAddress(Case c) {
		return this.replyAddresses.replyAddress(HELPDESK, c.id(), c.requester());
	}

	String officerReplyAddress(Case c) {
		return this.replyAddresses.queueReplyAddress(HELPDESK, c.id(), QUEUE, LocalDate.now().plusDays(30));
	}

	/** A portal link mailed to that address, as the employee finds it in the mail. */
	String portalLink(String address) {
		this.portalLinks.sendLink(address, "nl");
		String text = this.jdbc.queryForObject("SELECT text_body FROM outbound_mail WHERE recipient = ? AND kind = "
				+ "'portal-link' ORDER BY id DESC LIMIT 1", String.class, address);
		Matcher link = Pattern.compile("https?://[^/\\s]+(/portal/[A-Za-z0-9_-]+)").matcher(text);
		assertThat(link.find()).as("a portal link in %s", text).isTrue();
		return link.group(1);
	}

	/** A mail handed to the intake as the mailbox would; returns its outcome and reason. */
	Map<String, Object> mailIn(String from, String to, String subject, String body, String extraHeaders) {
		String messageId = "<" + UUID.randomUUID() + "@example.org>";
		String raw = extraHeaders + "From: " + from + "\nTo: " + to + "\nSubject: " + subject + "\nMessage-ID: "
				+ messageId + "\nDate: Mon, 30 Nov 2026 10:00:00 +0100\nMIME-Version: 1.0\n"
				+ "Content-Type: text/plain; charset=utf-8\n\n" + body + "\n";
		this.intake.receive(new RawMail("INBOX", null, null, raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
		return this.jdbc.queryForMap("SELECT outcome, reason, ticket_number FROM inbound_message WHERE message_id = ?",
				messageId);
	}

	/** A call to the operator API with that bearer token (null: none). */
	HttpResponse<String> ops(String method, String path, String json, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> ops(String method, String path, String json) {
		return ops(method, path, json, this.opsToken);
	}

	long accessRowsOfTicket(long ticketId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM link_access WHERE ticket_id = ?", Long.class, ticketId);
	}

	long accessRowsOfRecipient(String address) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM link_access WHERE recipient_hash = ?", Long.class,
				RecipientHash.of(address));
	}

	long accessRows() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM link_access", Long.class);
	}

	double rejected(LinkPurpose purpose, String reason) {
		Counter counter = this.meters.find(LinkManagement.REJECTED_METRIC)
			.tags("purpose", purpose.name(), "reason", reason)
			.counter();
		return counter == null ? 0 : counter.count();
	}

	double uses(LinkPurpose purpose, String outcome) {
		Counter counter = this.meters.find(LinkManagement.USES_METRIC)
			.tags("purpose", purpose.name(), "outcome", outcome)
			.counter();
		return counter == null ? 0 : counter.count();
	}

	static String path(String url) {
		return TicketFixture.pathOf(url);
	}

	/** The four languages of the withdrawn page. */
	static final List<String> WITHDRAWN = List.of("Deze link werd ingetrokken", "Ce lien a été retiré",
			"Dieser Link wurde zurückgezogen", "This link has been withdrawn");

	record Case(TicketNumber number, long id, String requester, long attachmentId) {
	}

}
