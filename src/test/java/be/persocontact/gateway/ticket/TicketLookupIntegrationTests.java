package be.persocontact.gateway.ticket;

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

}
