package be.persocontact.gateway.ticket;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import be.persocontact.gateway.SessionCounter;
import be.persocontact.gateway.TicketFixture;
import be.persocontact.gateway.TicketFixtureTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One ticket transaction asks for its ticket by number several times (routing, acknowledgement, queue
 * announcement, files): only the first look-up goes to MariaDB, the others are answered from the
 * session, and none flushes pending changes first. Counted with MariaDB's own statement counter for this
 * connection.
 */
class TicketLookupIntegrationTests extends TicketFixtureTestSupport {

	@Test
	void aTicketAskedForAgainInOneTransactionIsNotQueriedAgain() {
		TicketNumber number = this.fixture.open(TicketFixture.unique("lookup") + "@example.org", "Attest",
				"Graag een attest.", "nl");

		SessionCounter selects = new SessionCounter(this.jdbc, "Com_select");
		this.transaction.execute(status -> {
			long idle = selects.overhead();
			long start = selects.value();
			Ticket first = this.management.find(number).orElseThrow();
			long afterFirst = selects.value();
			Ticket again = this.management.find(number).orElseThrow();
			this.tickets.findByNumber(number.value()).orElseThrow();
			long afterAgain = selects.value();

			assertThat(again).isSameAs(first);
			assertThat(afterFirst - start).as("selects for the first look-up, the counter's own cost %d", idle)
				.isGreaterThan(idle);
			assertThat(afterAgain - afterFirst).as("selects for two more look-ups of the same ticket")
				.isEqualTo(idle);
			return null;
		});
	}

	@Test
	void anUnknownNumberIsEmptyNotAnError() {
		this.transaction.execute(status -> {
			assertThat(this.management.find(new TicketNumber("HRB9999999"))).isEmpty();
			return null;
		});
	}

	/**
	 * Every mail that would open a ticket counts its requester's tickets of the last hour (the per-requester
	 * limit). A requester with a long history must not make that count read all of it: 300 old tickets and
	 * 2 recent ones, written in a transaction that is rolled back, and MariaDB's handler counters for the
	 * rows the count read.
	 */
	@Test
	void countingARequestersRecentTicketsReadsOnlyTheRecentOnes() {
		String requester = TicketFixture.unique("history") + "@example.org";
		String tag = Long.toString(System.nanoTime() % 10_000);
		Instant now = Instant.now();
		this.transaction.execute(status -> {
			status.setRollbackOnly();
			List<Object[]> rows = new ArrayList<>();
			for (int i = 0; i < 302; i++) {
				Instant created = i < 300 ? now.minus(Duration.ofDays(400 - i)) : now.minusSeconds(60);
				rows.add(new Object[] { String.format("Q%4s%05d", tag, i).replace(' ', '0'), requester,
						Timestamp.from(created) });
			}
			this.jdbc.batchUpdate("INSERT INTO ticket (number, subject, status, requester_address, requester_language, "
					+ "created_at, updated_at, status_since) VALUES (?, 'history', 'OPEN', ?, 'nl', ?, NOW(6), NOW(6))",
					rows);

			long before = SessionCounter.rowsRead(this.jdbc);
			long recent = this.management.countOpenedSince(requester, now.minus(Duration.ofHours(1)));
			long read = SessionCounter.rowsRead(this.jdbc) - before;

			assertThat(recent).isEqualTo(2);
			assertThat(read).as("rows read to count 2 recent tickets among 302").isLessThan(30);
			return null;
		});
	}

}
