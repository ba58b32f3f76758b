package be.persocontact.gateway.queue;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import be.persocontact.gateway.attachment.TestDocuments;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole story by mail, as the people live it: an employee mails a medical certificate, the
 * attestations queue is told, an officer takes it, asks a question, the employee answers, the officer
 * proposes a solution and the employee accepts it by replying "ja". Every mail in between goes to the
 * right person with the right template and in the right language.
 */
class OfficerStoryIntegrationTests extends OfficerMailTestSupport {

	@Test
	void aMedicalCertificateGoesFromTheEmployeesMailToAnAcceptedSolutionAllByMail() throws Exception {
		String employee = unique("eva.dupont");
		// a neutral subject: only the certificate itself says what it is
		byte[] certificate = TestDocuments.pdf("CERTIFICAT MÉDICAL", "Je soussigné, Dr. Jan Janssens, certifie",
				"que Eva Dupont est incapable de travailler du 23 au 27 novembre 2026.");
		this.mail.sendRaw("""
				From: Eva Dupont <%s>
				To: helpdesk@persocontact.local
				Subject: Document pour mon absence
				Message-ID: <%s@example.org>
				Content-Language: fr
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="b"

				--b
				Content-Type: text/plain; charset=utf-8

				Bonjour, vous trouverez le document en annexe.
				--b
				Content-Type: application/pdf; name="scan.pdf"
				Content-Disposition: attachment; filename="scan.pdf"
				Content-Transfer-Encoding: base64

				%s
				--b--
				""".formatted(employee, UUID.randomUUID(), Base64.getMimeEncoder().encodeToString(certificate)),
				helpdesk());
		String number = awaitTicketOf(employee);

		// the attestations queue is told, because of what the certificate says
		MimeMessage announcement = awaitMail(ATTESTATIONS, number, "queue-new-ticket");
		assertThat(queue(number)).isEqualTo("attestations");
		assertThat(timeline(number, "SYSTEM"))
			.contains("Queue attestations (keyword 'certificat medical' in the attachment text)");
		String announced = textOf(announcement);
		assertThat(announced).contains(employee, "vous trouverez le document en annexe", "scan.pdf", "#take");
		assertThat(replyTo(announcement)).matches("helpdesk\\+[a-z2-7]{42}@persocontact\\.local");
		// this queue asks for the files themselves
		jakarta.mail.Multipart parts = (jakarta.mail.Multipart) announcement.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("scan.pdf");
		assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(certificate);

		// the officer takes it
		assertThat(awaitInbound(reply(AN, announcement, "#take", DMARC_PASS))).containsExactly("APPENDED",
				AN + ": #take");
		assertThat(status(number)).isEqualTo("WORK_IN_PROGRESS");
		assertThat(assignee(number)).isEqualTo(AN);

		// and asks a question, which reaches the employee in the mail, without the quoted history
		reply(AN, announcement, "#pending\nPourriez-vous aussi envoyer la deuxième page du certificat ?", DMARC_PASS);
		MimeMessage question = awaitMail(employee, number, "information-requested");
		assertThat(status(number)).isEqualTo("PENDING");
		assertThat(textOf(question)).contains("la deuxième page du certificat")
			.doesNotContain("quoted text of the original");

		// the employee answers; the officer working on it hears of it
		reply(employee, question, "Voici la deuxième page.", dmarcPassFor(employee));
		MimeMessage answered = awaitMail(AN, number, "officer-requester-replied");
		assertThat(status(number)).isEqualTo("WORK_IN_PROGRESS");
		assertThat(textOf(answered)).contains("Voici la deuxième page.");

		// the officer proposes a solution, replying to that mail
		reply(AN, answered, "#resolve\nVotre absence est enregistrée du 23 au 27 novembre.", DMARC_PASS);
		MimeMessage solution = awaitMail(employee, number, "solution-proposed");
		assertThat(status(number)).isEqualTo("AWAITING_ACCEPTANCE");
		assertThat(textOf(solution)).contains("Votre absence est enregistrée du 23 au 27 novembre.");

		// the employee accepts by replying "ja"
		reply(employee, solution, "Ja, merci beaucoup.", dmarcPassFor(employee));
		awaitMail(employee, number, "status-closed-complete");
		assertThat(status(number)).isEqualTo("CLOSED_COMPLETE");
		awaitMail(AN, number, "officer-requester-replied");

		// every mail, in order: who got it, which template, which language
		List<String> mails = this.jdbc.query("""
				SELECT o.recipient, o.kind, o.language FROM outbound_mail o JOIN ticket t ON t.id = o.ticket_id
				WHERE t.number = ? ORDER BY o.id""", (rs, row) -> rs.getString(1) + " " + rs.getString(2) + " "
				+ rs.getString(3), number);
		assertThat(mails).containsExactly(employee + " acknowledgement fr", ATTESTATIONS + " queue-new-ticket nl",
				employee + " status-work-in-progress fr", employee + " information-requested fr",
				employee + " status-work-in-progress fr", AN + " officer-requester-replied nl",
				employee + " solution-proposed fr", employee + " status-closed-complete fr",
				AN + " officer-requester-replied nl");
	}

}
