package be.persocontact.gateway.ticket;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Draws ticket numbers from the database sequence, so that several instances never collide. */
@Component
class TicketNumbers {

	private final JdbcTemplate jdbc;

	TicketNumbers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	TicketNumber next() {
		Long value = this.jdbc.queryForObject("SELECT NEXTVAL(ticket_number_seq)", Long.class);
		return TicketNumber.of(value);
	}

}
