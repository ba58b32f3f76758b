package be.persocontact.gateway.queue;

import java.time.Duration;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An employee's mail moves a ticket only when it is proven to be the employee's: a "yes" or "no" to a
 * solution needs the signed reply address only the employee's mailbox received, and any status change
 * needs our receiving server's DMARC pass for the sender. Anything less is kept as a message, changes
 * nothing, and the employee is told how to decide.
 */
class EmployeeDecisionsIntegrationTests extends OfficerMailTestSupport {

	@Test
	void aYesThatOnlyNamesTheTicketNumberIsKeptAsAMessageAndTheEmployeeIsShownHowToDecide() {
		String employee = unique("eva.dupont");
		String number = employeeWrites(employee, "Medisch attest", "Mijn attest zit in bijlage.", "nl");
		MimeMessage solution = resolved(number, employee);

		// a new mail naming the number, authenticated: anyone who knows the number could have written it
		this.mail.sendRaw(dmarcPassFor(employee) + mailFrom(employee, "Eva", "Re: [" + number + "] oplossing",
				"Ja, dank u.", "nl"), helpdesk());
		MimeMessage howTo = awaitMail(employee, number, "decision-needs-confirmation");

		assertThat(status(number)).isEqualTo("AWAITING_ACCEPTANCE");
		assertThat(timeline(number, "REQUESTER_MESSAGE")).contains("Ja, dank u.");
		assertThat(textOf(howTo)).contains("/a/", "/r/");
		assertThat(this.jdbc.queryForObject("SELECT reason FROM inbound_message WHERE ticket_number = ? "
				+ "AND thread_rule = 'SUBJECT_REFERENCE'", String.class, number)).startsWith("STATUS_KEPT");

		// saying it twice the same day does not mail twice
		this.mail.sendRaw(dmarcPassFor(employee) + mailFrom(employee, "Eva", "Re: [" + number + "] oplossing",
				"Ja!", "nl"), helpdesk());
		await().atMost(Duration.ofSeconds(30)).until(() -> timeline(number, "REQUESTER_MESSAGE").contains("Ja!"));
		assertThat(count("SELECT COUNT(*) FROM outbound_mail m JOIN ticket t ON t.id = m.ticket_id WHERE t.number = ? "
				+ "AND m.kind = 'decision-needs-confirmation'", number)).isEqualTo(1);

		// the reply address of the solution mail, without our server's pass: still nothing
		String unproven = reply(employee, solution, "Ja, akkoord.", "");
		assertThat(awaitInbound(unproven)[1]).startsWith("STATUS_KEPT: a status change by mail needs proof of the "
				+ "sender: NO_TRUSTED_RESULTS");
		assertThat(status(number)).isEqualTo("AWAITING_ACCEPTANCE");

		// the reply address, authenticated: the employee's decision
		awaitInbound(reply(employee, solution, "Ja, akkoord.", dmarcPassFor(employee)));
		assertThat(status(number)).isEqualTo("CLOSED_COMPLETE");
	}

	@Test
	void aRefusalWithAForgedSenderDoesNotReopenTheSolutionAndANoWithoutProofNeither() {
		String employee = unique("jan.claes");
		String number = employeeWrites(employee, "Medisch attest", "Attest in bijlage.", "nl");
		MimeMessage solution = resolved(number, employee);

		// to the right reply address, but our server says the From domain failed to prove itself
		String forged = reply(employee, solution, "Nee, de datum klopt niet.", "Authentication-Results: "
				+ "mx.persocontact.local; dmarc=pass header.from=attacker.example\n");

		assertThat(awaitInbound(forged)[1]).contains("NOT_ALIGNED");
		assertThat(status(number)).isEqualTo("AWAITING_ACCEPTANCE");
	}

	@Test
	void anUnprovenAnswerToAQuestionIsPassedToTheOfficerButDoesNotPutTheTicketBackToWork() {
		String employee = unique("lien.maes");
		String number = employeeWrites(employee, "Medisch attest", "Attest volgt.", "nl");
		MimeMessage announcement = awaitMail(ATTESTATIONS, number, "queue-new-ticket");
		reply(AN, announcement, "#pending\nKunt u het attest sturen?", DMARC_PASS);
		MimeMessage question = awaitMail(employee, number, "information-requested");

		awaitInbound(reply(employee, question, "Hierbij het attest.", ""));

		assertThat(status(number)).isEqualTo("PENDING");
		awaitMail(AN, number, "officer-requester-replied");
		awaitInbound(reply(employee, question, "Hierbij het attest, nogmaals.", dmarcPassFor(employee)));
		assertThat(status(number)).isEqualTo("WORK_IN_PROGRESS");
	}

	/** Takes the ticket as officer An and proposes a solution; returns the solution mail the employee got. */
	private MimeMessage resolved(String number, String employee) {
		MimeMessage announcement = awaitMail(ATTESTATIONS, number, "queue-new-ticket");
		awaitInbound(reply(AN, announcement, "#take\n#resolve\nUw attest is verwerkt.", DMARC_PASS));
		return awaitMail(employee, number, "solution-proposed");
	}

}
