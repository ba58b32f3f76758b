package be.persocontact.gateway.ticket;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketRoutingUnitTests {

	private final Instant now = Instant.parse("2026-11-29T10:00:00Z");

	@Test
	void aTicketPutInAQueueKeepsTheQueueAndShowsWhyOnItsTimeline() {
		Ticket ticket = Ticket.open(TicketNumber.of(7), new Requester("anna@example.org", "Anna", "nl"),
				"Vermindering van werkregime", "Soort vermindering: Ouderschapsverlof", null, this.now);
		ticket.recordForm("reduction-of-working-time");
		ticket.routeTo("working-time-and-leave", "form reduction-of-working-time", this.now);

		assertThat(ticket.queue()).isEqualTo("working-time-and-leave");
		assertThat(ticket.formCode()).isEqualTo("reduction-of-working-time");
		assertThat(ticket.timeline()).last()
			.satisfies(entry -> assertThat(entry.kind()).isEqualTo(TimelineEntryKind.SYSTEM))
			.satisfies(entry -> assertThat(entry.body())
				.isEqualTo("Queue working-time-and-leave (form reduction-of-working-time)"));
	}

	@Test
	void aQueueWithoutCodeIsRefused() {
		Ticket ticket = Ticket.open(TicketNumber.of(8), new Requester("anna@example.org", null, "nl"), "x", "y",
				null, this.now);
		assertThatThrownBy(() -> ticket.routeTo(" ", "test", this.now)).isInstanceOf(IllegalArgumentException.class);
		assertThat(ticket.queue()).isNull();
	}

}
