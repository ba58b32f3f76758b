package be.persocontact.gateway.queue;

import java.net.URI;

import jakarta.mail.internet.MimeMessage;

import be.persocontact.gateway.access.SignedLinks;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline shows an employee's reply trimmed of the history it quotes; the officers' view offers
 * the reply as it was received, the employee's view does not.
 */
class ReceivedTextIntegrationTests extends OfficerMailTestSupport {

	@Autowired
	SignedLinks links;

	@Test
	void theEmployeeSeesTheirReplyTrimmedAndTheOfficersCanOpenItAsItWasReceived() throws Exception {
		String employee = unique("received");
		String number = employeeWrites(employee, "Medisch attest", "Mijn medisch attest volgt.", "nl");
		MimeMessage acknowledgement = awaitMail(employee, number, "acknowledgement");
		MimeMessage announcement = awaitMail(ATTESTATIONS, number, "queue-new-ticket");

		awaitInbound(reply(employee, acknowledgement, """
				Hierbij het attest.

				Op ma 4 jan. 2027 om 09:12 schreef PersoContact <
				helpdesk@persocontact.local>:""", ""));

		assertThat(timeline(number, "REQUESTER_MESSAGE")).last().isEqualTo("Hierbij het attest.");
		long id = this.jdbc.queryForObject("SELECT id FROM ticket WHERE number = ?", Long.class, number);
		String employeePage = get(URI.create(this.links.ticketViewUrl(id, employee)).getPath()).body();
		assertThat(employeePage).contains("Hierbij het attest.")
			.doesNotContain("schreef PersoContact", "quoted text of the original", "class=\"received\"");
		String officerPage = get(officerPath(textOf(announcement))).body();
		assertThat(officerPage).contains("Hierbij het attest.", "class=\"received\"", "schreef PersoContact &lt;",
				"&gt; quoted text of the original that must not reach anyone");
	}

	/** The path of the officers' link in a queue announcement. */
	private static String officerPath(String text) {
		int start = text.indexOf("/o/");
		assertThat(start).as("an officers' link in %s", text).isNotNegative();
		int end = start;
		while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
			end++;
		}
		return text.substring(start, end);
	}

}
