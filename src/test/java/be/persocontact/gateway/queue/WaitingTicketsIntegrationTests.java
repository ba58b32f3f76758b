package be.persocontact.gateway.queue;

import java.time.Duration;
import java.time.Instant;

import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketNumber;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket waiting for its requester is reminded once after five days; a proposed solution nobody
 * answers closes the ticket after fourteen, and the requester is told it was closed for want of an
 * answer. Time is what the test says it is.
 */
class WaitingTicketsIntegrationTests extends OfficerMailTestSupport {

	@Autowired
	WaitingTickets waiting;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void anUnansweredSolutionIsRemindedOnceThenClosedAndAPendingQuestionIsRemindedButNeverClosed() {
		String solved = employeeWrites(unique("silent"), "Attest", "Graag een attest.", "nl");
		String asked = employeeWrites(unique("asked"), "Attest", "Graag een attest.", "nl");
		this.transaction.executeWithoutResult(status -> {
			this.tickets.resolve(new TicketNumber(solved), AN, "Uw attest zit in bijlage.", null);
			this.tickets.askForInformation(new TicketNumber(asked), AN, "Voor welk jaar?", null);
		});
		Instant now = Instant.now();

		this.waiting.run(now.plus(Duration.ofDays(4)));
		assertThat(kinds(solved)).doesNotContain("reminder");

		this.waiting.run(now.plus(Duration.ofDays(6)));
		this.waiting.run(now.plus(Duration.ofDays(7)));
		assertThat(kinds(solved)).containsOnlyOnce("reminder");
		assertThat(kinds(asked)).containsOnlyOnce("reminder");
		assertThat(status(solved)).isEqualTo("AWAITING_ACCEPTANCE");

		this.waiting.run(now.plus(Duration.ofDays(15)));
		assertThat(status(solved)).isEqualTo("CLOSED_COMPLETE");
		assertThat(kinds(solved)).endsWith("auto-closed");
		assertThat(status(asked)).isEqualTo("PENDING");
		assertThat(kinds(asked)).containsOnlyOnce("reminder");
	}

	@Autowired
	QueueDigests digests;

	@Test
	void eachQueueGetsOneDigestADayAfterItsHourListingItsOpenTicketsOldestFirst() {
		String older = employeeWrites(unique("digest-1"), "Loonfiche oktober", "Mijn loonfiche klopt niet.", "nl");
		String newer = employeeWrites(unique("digest-2"), "Loonfiche november", "Ook deze loonfiche klopt niet.", "nl");
		java.time.ZoneId brussels = java.time.ZoneId.of("Europe/Brussels");
		java.time.LocalDate day = java.time.LocalDate.now(brussels).plusDays(400); // a day no other test used
		Instant early = day.atTime(6, 59).atZone(brussels).toInstant();
		Instant after = day.atTime(7, 1).atZone(brussels).toInstant();

		assertThat(this.digests.run(early)).isZero();
		assertThat(this.digests.run(after)).isEqualTo(8);
		assertThat(this.digests.run(after.plus(Duration.ofHours(3)))).isZero();

		String digest = this.jdbc.queryForObject("SELECT text_body FROM outbound_mail WHERE kind = 'queue-digest' "
				+ "AND recipient = ? ORDER BY id DESC LIMIT 1", String.class, SALARY);
		assertThat(digest).contains("De open tickets van de wachtrij Loon op " + day);
		assertThat(digest.indexOf(older)).isPositive().isLessThan(digest.indexOf(newer));
	}

	private java.util.List<String> kinds(String number) {
		return this.jdbc.queryForList("SELECT o.kind FROM outbound_mail o JOIN ticket t ON t.id = o.ticket_id "
				+ "WHERE t.number = ? AND o.recipient = t.requester_address ORDER BY o.id", String.class, number);
	}

}
