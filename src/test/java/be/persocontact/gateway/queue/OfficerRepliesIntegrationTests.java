package be.persocontact.gateway.queue;

import java.time.Duration;
import java.time.LocalDate;

import jakarta.mail.internet.MimeMessage;

import be.persocontact.gateway.access.ReplyAddresses;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Officers act on tickets by replying to our mails; nobody else can. Each refused reply changes nothing,
 * is held for review with its reason, and its sender gets no answer.
 */
class OfficerRepliesIntegrationTests extends OfficerMailTestSupport {

	@Autowired
	ReplyAddresses replyAddresses;

	@Test
	void aReplyFromANonOfficerAnotherQueuesOfficerAForgedOrExpiredTokenOrWithoutDmarcChangesNothingAndIsHeld() {
		String employee = unique("held");
		String number = employeeWrites(employee, "Medisch attest", "Mijn medisch attest volgt.", "nl");
		MimeMessage announcement = awaitMail(ATTESTATIONS, number, "queue-new-ticket");
		String token = replyTo(announcement);
		String mallory = unique("mallory");
		long ticketId = this.jdbc.queryForObject("SELECT id FROM ticket WHERE number = ?", Long.class, number);
		String expired = this.replyAddresses.queueReplyAddress(helpdesk(), ticketId, "attestations",
				LocalDate.now().minusDays(1));
		StringBuilder forged = new StringBuilder(token);
		forged.setCharAt(12, token.charAt(12) == 'a' ? 'b' : 'a'); // one character of the token itself

		assertThat(awaitInbound(reply(mallory, announcement, "#take", DMARC_PASS))).containsExactly("QUARANTINED",
				"OFFICER_REPLY_HELD: NOT_AN_OFFICER: " + mallory + " is not an officer of queue attestations");
		assertThat(awaitInbound(reply(SOFIE, announcement, "#take", DMARC_PASS))).containsExactly("QUARANTINED",
				"OFFICER_REPLY_HELD: NOT_AN_OFFICER: " + SOFIE + " is not an officer of queue attestations");
		assertThat(awaitInbound(reply(AN, forged.toString(), announcement, "#take", DMARC_PASS))[1])
			.startsWith("OFFICER_REPLY_HELD: FORGED_TOKEN");
		assertThat(awaitInbound(reply(AN, expired, announcement, "#take", DMARC_PASS))[1])
			.startsWith("OFFICER_REPLY_HELD: EXPIRED_TOKEN");
		assertThat(awaitInbound(reply(AN, announcement, "#take", DMARC_FAIL))).containsExactly("QUARANTINED",
				"UNAUTHENTICATED: DMARC failed at mx.persocontact.local");
		assertThat(awaitInbound(reply(AN, announcement, "#take", ""))).containsExactly("QUARANTINED",
				"OFFICER_REPLY_HELD: UNAUTHENTICATED: an officer's reply needs proof of its sender; "
						+ "NO_TRUSTED_RESULTS: no Authentication-Results of mx.persocontact.local");

		assertThat(status(number)).isEqualTo("OPEN");
		assertThat(assignee(number)).isNull();
		assertThat(timeline(number, "STATUS_CHANGE")).isEmpty();
		// nobody was answered: not the senders, not the employee beyond the acknowledgement
		assertThat(count("SELECT COUNT(*) FROM outbound_mail WHERE recipient IN (?, ?)", mallory, SOFIE)).isZero();
		assertThat(count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", employee)).isEqualTo(1);
		// a reply whose "+token" a server dropped reaches the plain address: held, and no ticket for the officer
		assertThat(awaitInbound(reply(AN, helpdesk(), announcement, "#take", DMARC_PASS))).containsExactly(
				"QUARANTINED", "OFFICER_REPLY_HELD: NO_TOKEN: a reply to a mail for officers, without the reply "
						+ "address that lets it act");
		assertThat(count("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", AN)).isZero();

		// the held mails wait in the database for an operator (the mailbox moved them once recorded)
		assertThat(count("SELECT COUNT(*) FROM inbound_message WHERE outcome = 'QUARANTINED' AND subject LIKE ?",
				"%" + number + "%")).isEqualTo(7);

		// while the right officer, authenticated, can
		assertThat(awaitInbound(reply(AN, announcement, "#take", DMARC_PASS))[0]).isEqualTo("APPENDED");
		assertThat(status(number)).isEqualTo("WORK_IN_PROGRESS");
	}

	@Test
	void anUnknownOrImpossibleCommandIsReportedToTheOfficerAndChangesNothing() {
		String employee = unique("unknown-command");
		String number = employeeWrites(employee, "Doktersattest", "Mijn doktersattest.", "nl");
		MimeMessage announcement = awaitMail(ATTESTATIONS, number, "queue-new-ticket");

		String[] outcome = awaitInbound(reply(LUC, announcement, "#tkae\n#queue nowhere\nIk neem dit.", DMARC_PASS));

		assertThat(outcome[0]).isEqualTo("REJECTED_OFFICER_COMMAND");
		MimeMessage refusal = awaitMail(LUC, number, "officer-command-refused");
		assertThat(textOf(refusal)).contains("#tkae: unknown command", "#queue nowhere: no such queue",
				"Rien n’a été modifié");
		assertThat(status(number)).isEqualTo("OPEN");
		assertThat(count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", employee)).isEqualTo(1);

		// asking the employee without a question is not guessed around either
		awaitInbound(reply(LUC, announcement, "#pending", DMARC_PASS));
		assertThat(status(number)).isEqualTo("OPEN");
	}

	@Test
	void anInternalNoteStaysBetweenOfficersAndAPlainReplyIsAnAnswerThatReachesTheEmployee() throws Exception {
		String employee = unique("note");
		String number = employeeWrites(employee, "Medisch attest", "Mijn medisch attest.", "nl");
		MimeMessage announcement = awaitMail(ATTESTATIONS, number, "queue-new-ticket");

		awaitInbound(reply(AN, announcement, "#internal\nGebeld met de arts, attest is echt.", DMARC_PASS));
		assertThat(timeline(number, "INTERNAL_NOTE")).containsExactly("Gebeld met de arts, attest is echt.");
		assertThat(count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", employee)).isEqualTo(1);

		awaitInbound(reply(AN, announcement, "Dank u, we verwerken uw attest deze week.", DMARC_PASS));
		MimeMessage answer = awaitMail(employee, number, "officer-answer");
		assertThat(textOf(answer)).contains("Dank u, we verwerken uw attest deze week.")
			.doesNotContain("Gebeld met de arts");
		assertThat(status(number)).isEqualTo("WORK_IN_PROGRESS");
		assertThat(assignee(number)).isEqualTo(AN);

		// the employee's page shows the answer, never the note; the officers' page shows both
		String employeePage = get(path(textOf(answer), "/t/")).body();
		assertThat(employeePage).contains("Dank u, we verwerken uw attest deze week.")
			.doesNotContain("Gebeld met de arts");
		String officerPage = get(path(textOf(announcement), "/o/")).body();
		assertThat(officerPage).contains("Gebeld met de arts, attest is echt.", "Dank u, we verwerken uw attest");
	}

	@Test
	void aTicketMovedToAnotherQueueIsAnnouncedThereAndTheOldQueuesTokenNoLongerActs() throws Exception {
		String employee = unique("moved");
		String number = employeeWrites(employee, "Attest", "Een vraag over mijn attest.", "nl");
		MimeMessage announcement = awaitMail(ATTESTATIONS, number, "queue-new-ticket");

		awaitInbound(reply(AN, announcement, "#queue salary\nGaat eigenlijk over het loon.", DMARC_PASS));

		assertThat(queue(number)).isEqualTo("salary");
		assertThat(timeline(number, "INTERNAL_NOTE")).containsExactly("Gaat eigenlijk over het loon.");
		assertThat(timeline(number, "SYSTEM")).contains("Queue salary (moved by " + AN + ")");
		MimeMessage moved = awaitMail(SALARY, number, "queue-new-ticket");
		assertThat(textOf(moved)).contains("verplaatst naar de wachtrij Loon");
		// the officers' link of the old queue no longer opens the ticket
		assertThat(get(path(textOf(announcement), "/o/")).statusCode()).isEqualTo(404);

		assertThat(awaitInbound(reply(AN, announcement, "#take", DMARC_PASS))[1])
			.isEqualTo("OFFICER_REPLY_HELD: NOT_IN_QUEUE: " + number + " is now in queue salary, not attestations");
		assertThat(awaitInbound(reply(SOFIE, moved, "#take", DMARC_PASS))[0]).isEqualTo("APPENDED");
		assertThat(assignee(number)).isEqualTo(SOFIE);
	}

	@Test
	void aFileAnOfficerAttachesJoinsTheTicketAndTheEmployeesMailButANotesFileStaysWithTheOfficersMail()
			throws Exception {
		String employee = unique("files");
		String number = employeeWrites(employee, "Attest", "Graag een attest van tewerkstelling.", "nl");
		MimeMessage announcement = awaitMail(ATTESTATIONS, number, "queue-new-ticket");
		byte[] attest = be.persocontact.gateway.attachment.TestDocuments.pdf("ATTEST VAN TEWERKSTELLING",
				"De werkgever verklaart dat de werknemer in dienst is sinds 2019.");
		byte[] memo = be.persocontact.gateway.attachment.TestDocuments.pdf("INTERNE MEMO", "Alleen voor HR.");

		awaitInbound(replyWithFile(AN, announcement, "#internal\nZie memo.", "memo.pdf", memo));
		awaitInbound(replyWithFile(AN, announcement, "#resolve\nIn bijlage uw attest.", "attest.pdf", attest));

		MimeMessage solution = awaitMail(employee, number, "solution-proposed");
		jakarta.mail.Multipart parts = (jakarta.mail.Multipart) solution.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("attest.pdf");
		assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(attest);
		// the ticket has the officer's file (the employee's view lists it), not the note's
		assertThat(this.jdbc.queryForList("SELECT a.original_name FROM ticket_attachment a JOIN ticket t ON "
				+ "t.id = a.ticket_id WHERE t.number = ?", String.class, number)).containsExactly("attest.pdf");
		assertThat(timeline(number, "INTERNAL_NOTE")).hasSize(2).last().asString()
			.startsWith("1 file(s) of this note are kept with the officer's mail");
	}

	private String replyWithFile(String from, MimeMessage original, String text, String fileName, byte[] file) {
		String messageId = "<" + java.util.UUID.randomUUID() + "@persocontact.local>";
		this.mail.sendRaw("""
				From: %s
				To: %s
				Subject: Re: %s
				Message-ID: %s
				%sMIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="b"

				--b
				Content-Type: text/plain; charset=utf-8

				%s
				--b
				Content-Type: application/pdf; name="%s"
				Content-Disposition: attachment; filename="%s"
				Content-Transfer-Encoding: base64

				%s
				--b--
				""".formatted(from, replyTo(original), subjectOf(original), messageId, DMARC_PASS, text, fileName,
				fileName, java.util.Base64.getMimeEncoder().encodeToString(file)), replyTo(original));
		return messageId;
	}

	/** The path of the first link with that prefix in a mail's text. */
	private static String path(String text, String prefix) {
		int start = text.indexOf("http://localhost:8080" + prefix);
		assertThat(start).as("a %s link in %s", prefix, text).isNotNegative();
		int end = start;
		while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
			end++;
		}
		return text.substring(start + "http://localhost:8080".length(), end);
	}

}
