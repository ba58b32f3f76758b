package be.persocontact.gateway.privacy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.persocontact.gateway.MailIntegrationTestSupport;
import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.portal.Submission;
import be.persocontact.gateway.portal.SubmissionManagement;
import be.persocontact.gateway.portal.SubmissionOutcome;
import be.persocontact.gateway.portal.SubmittedFile;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketNumber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gateway as it runs, with what privacy tests need: a requester's mail with a file, a ticket taken to
 * its end, its view opened, a portal submission, the operator API, and a search of every table for a word.
 */
abstract class PrivacyTestSupport extends MailIntegrationTestSupport {

	static final String OPS_TOKEN = "test-operator-token-0123456789-abcdef";

	static final String OFFICER = "an.peeters@persocontact.local";

	@Autowired
	TicketManagement management;

	@Autowired
	SignedLinks links;

	@Autowired
	SubmissionManagement submissions;

	@Autowired
	TransactionTemplate transaction;

	/** A mail from the requester with one text file attached. */
	static String mailWithFile(String from, String name, String subject, String body, String fileName, String fileText) {
		return """
				From: %s <%s>
				To: helpdesk@persocontact.local
				Subject: %s
				Date: Sun, 29 Nov 2026 10:00:00 +0100
				Message-ID: <%s@example.org>
				Content-Language: nl
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="grens"

				--grens
				Content-Type: text/plain; charset=utf-8
				Content-Transfer-Encoding: 8bit

				%s
				--grens
				Content-Type: text/plain; charset=utf-8; name="%s"
				Content-Disposition: attachment; filename="%s"
				Content-Transfer-Encoding: 8bit

				%s
				--grens--
				""".formatted(name, from, subject, UUID.randomUUID(), body, fileName, fileName, fileText);
	}

	/** Sends the requester's mail with a file; returns the ticket number. */
	String requestWithFile(String from, String name, String subject, String body, String fileName, String fileText) {
		this.mail.sendRaw(mailWithFile(from, name, subject, body, fileName, fileText), helpdesk());
		return awaitTicketOf(from);
	}

	/** An officer answers and proposes a solution, and the requester accepts it: the ticket is closed. */
	Instant close(String number, String requester, String answer) {
		TicketNumber ticket = new TicketNumber(number);
		this.transaction.executeWithoutResult(status -> {
			this.management.answer(ticket, OFFICER, answer, null);
			this.management.addInternalNote(ticket, OFFICER, "Interne nota over " + requester, null);
			this.management.resolve(ticket, OFFICER, "Uw attest is verwerkt.", null);
		});
		this.transaction.executeWithoutResult(status -> this.management.acceptSolution(ticketId(number), requester));
		return this.jdbc.queryForObject("SELECT status_since FROM ticket WHERE number = ? AND status = 'CLOSED_COMPLETE'",
				Timestamp.class, number).toInstant();
	}

	long ticketId(String number) {
		return this.jdbc.queryForObject("SELECT id FROM ticket WHERE number = ?", Long.class, number);
	}

	/** Opens the requester's view of the ticket, as they would from a mail; returns the page. */
	HttpResponse<String> openView(String number, String requester) throws Exception {
		String url = this.links.ticketViewUrl(ticketId(number), requester);
		return get(url.substring(url.indexOf("/t/")));
	}

	/** A portal submission of the working-time form, for that employee; returns its ticket number. */
	String submitForm(String employeeId, String address, String comment) {
		SubmissionOutcome outcome = this.submissions.submit(new Submission("reduction-of-working-time", employeeId, address, "Employee",
				"nl", Map.of("kind", "parental-leave", "start-date", "2027-03-01", "end-date", "2027-08-31",
						"employment-status", "statutory"),
				comment, UUID.randomUUID().toString(),
				List.of(new SubmittedFile("geboorteakte.txt", "text/plain",
						("Geboorteakte bij " + comment).getBytes(java.nio.charset.StandardCharsets.UTF_8)))),
				"portal-test", "nl");
		if (outcome instanceof SubmissionOutcome.Accepted accepted) {
			return accepted.ticketNumber();
		}
		throw new AssertionError("The portal refused the submission: "
				+ ((SubmissionOutcome.Refused) outcome).problems());
	}

	HttpResponse<byte[]> ops(String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + OPS_TOKEN);
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/**
	 * Every column of every table that holds this text anywhere: text columns as their collation compares
	 * (case-insensitive), binary ones (raw mails, files) byte for byte.
	 */
	List<String> columnsHolding(String needle) {
		List<String> found = new ArrayList<>();
		List<Map<String, Object>> columns = this.jdbc.queryForList("""
				SELECT table_name, column_name, data_type FROM information_schema.columns
				WHERE table_schema = DATABASE() AND data_type IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext',
				  'longtext', 'blob', 'mediumblob', 'longblob', 'varbinary', 'binary', 'json')""");
		for (Map<String, Object> column : columns) {
			String table = (String) column.get("TABLE_NAME");
			String name = (String) column.get("COLUMN_NAME");
			Integer count = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM `" + table + "` WHERE LOCATE(?, `" + name + "`) > 0", Integer.class, needle);
			if (count != null && count > 0) {
				found.add(table + "." + name);
			}
		}
		return found;
	}

}
