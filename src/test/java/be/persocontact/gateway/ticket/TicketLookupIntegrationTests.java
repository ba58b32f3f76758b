package be.persocontact.gateway.ticket;

import java.util.Map;

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

		this.transaction.execute(status -> {
			long idle = overhead();
			long start = selects();
			Ticket first = this.management.find(number).orElseThrow();
			long afterFirst = selects();
			Ticket again = this.management.find(number).orElseThrow();
			this.tickets.findByNumber(number.value()).orElseThrow();
			long afterAgain = selects();

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

	/** SELECT statements this connection has run so far (the SHOW itself is not one). */
	private long selects() {
		Map<String, Object> row = this.jdbc.queryForMap("SHOW SESSION STATUS LIKE 'Com_select'");
		return Long.parseLong(row.get("Value").toString());
	}

	/** What reading the counter twice costs by itself. */
	private long overhead() {
		long a = selects();
		return selects() - a;
	}

}
