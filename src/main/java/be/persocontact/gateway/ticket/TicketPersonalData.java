package be.persocontact.gateway.ticket;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the ticket module holds about people, for retention and erasure: the subject, the requester's
 * address and name, and the texts of the timeline. Forgetting them leaves the ticket's shell: its number,
 * dates, queue, form and status history (the status changes with their times, without their texts), which
 * statistics and the law may need. Changes join the caller's transaction and touch one ticket's rows.
 */
@Service
public class TicketPersonalData {

	/**
	 * The requester of a ticket whose personal data is gone: an address that no mail can reach
	 * ({@code .invalid}, RFC 2606) and no link is ever issued to.
	 */
	public static final String FORGOTTEN_REQUESTER = "forgotten@forgotten.invalid";

	private final JdbcClient jdbc;

	private final Tickets tickets;

	private final Clock clock;

	TicketPersonalData(JdbcClient jdbc, Tickets tickets, Clock clock) {
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.clock = clock;
	}

	/**
	 * Closed tickets in the order they closed, from the one after ({@code closedAt}, {@code afterId}) on:
	 * a closed ticket never changes status again, so its closing time is where retention counts from.
	 */
	@Transactional(readOnly = true)
	public List<ClosedTicket> closedAfter(Instant closedAt, long afterId, int limit) {
		Timestamp since = Timestamp.from(closedAt);
		return this.jdbc.sql("""
				SELECT id, number, status_since FROM ticket WHERE status = 'CLOSED_COMPLETE'
				  AND (status_since > ? OR (status_since = ? AND id > ?))
				ORDER BY status_since, id LIMIT ?""")
			.params(since, since, afterId, limit)
			.query((rs, row) -> new ClosedTicket(rs.getLong(1), new TicketNumber(rs.getString(2)),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	/**
	 * Forgets a ticket's personal content: subject, requester (replaced by {@link #FORGOTTEN_REQUESTER}),
	 * every timeline text (as shown and as received, before trimming), and the requester as author. Officers stay authors of what they did: the status
	 * history says who changed what. The version moves on, so that a change prepared on the old content
	 * fails instead of writing it back.
	 * @return the rows changed (ticket and timeline entries); 0 for an unknown or already forgotten ticket
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int forgetContent(long ticketId) {
		Optional<String> requester = this.jdbc.sql("SELECT requester_address FROM ticket WHERE id = ?")
			.param(ticketId)
			.query(String.class)
			.optional();
		if (requester.isEmpty()) {
			return 0;
		}
		int changed = this.jdbc.sql("""
				UPDATE timeline_entry SET author = NULL WHERE ticket_id = ? AND author = ?""")
			.params(ticketId, requester.get())
			.update();
		changed += this.jdbc.sql("UPDATE timeline_entry SET body = NULL, received_text = NULL WHERE ticket_id = ? "
				+ "AND (body IS NOT NULL OR received_text IS NOT NULL)")
			.param(ticketId)
			.update();
		changed += this.jdbc.sql("""
				UPDATE ticket SET subject = '', requester_address = ?, requester_name = NULL, version = version + 1
				WHERE id = ? AND (subject <> '' OR requester_address <> ? OR requester_name IS NOT NULL)""")
			.params(FORGOTTEN_REQUESTER, ticketId, FORGOTTEN_REQUESTER)
			.update();
		return changed;
	}

	/**
	 * Deletes a ticket with its timeline, leaving no shell. Its files must be gone first (the attachment
	 * module's rows refer to it).
	 * @return the rows deleted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int delete(long ticketId) {
		int deleted = this.jdbc.sql("DELETE FROM timeline_entry WHERE ticket_id = ?").param(ticketId).update();
		return deleted + this.jdbc.sql("DELETE FROM ticket WHERE id = ?").param(ticketId).update();
	}

	/**
	 * Closes an unfinished ticket because its requester's data is erased on their request: nobody is told
	 * (there is nobody left to tell), the queue no longer lists it, and the status history says who closed
	 * it and why. A closed ticket is left as it is.
	 * @return whether the ticket was open and is closed now
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean closeForErasure(long ticketId, String operator) {
		Ticket ticket = this.tickets.findById(ticketId).orElse(null);
		if (ticket == null || ticket.status().isClosed()) {
			return false;
		}
		ticket.closeForErasure(operator, this.clock.instant());
		// written now: what follows in this transaction changes the same row in plain SQL
		this.tickets.saveAndFlush(ticket);
		return true;
	}

	/** A closed ticket and when it closed. */
	public record ClosedTicket(long id, TicketNumber number, Instant closedAt) {
	}

}
