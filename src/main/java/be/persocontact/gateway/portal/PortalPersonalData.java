package be.persocontact.gateway.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the portal holds about people, for retention, export and erasure: each submission as received
 * (the JSON with the employee's id, address, name and every value they entered), and the addresses that
 * asked for a link to the portal pages. The portal knows an employee by their HR id as well as their
 * address: either finds the other. An accepted submission is forgotten with its ticket's texts (the
 * form, times and ticket number stay); a refused one, which made no ticket, is deleted after its period.
 */
@Service
public class PortalPersonalData {

	private final JdbcClient jdbc;

	PortalPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The addresses an employee's submissions were made with. */
	@Transactional(readOnly = true)
	public Set<String> addressesOfEmployee(String employeeId) {
		return new LinkedHashSet<>(this.jdbc.sql("""
				SELECT DISTINCT LOWER(employee_address) FROM portal_submission
				WHERE employee_id = ? AND employee_address IS NOT NULL""")
			.param(employeeId)
			.query(String.class)
			.list());
	}

	/** The employee ids the portal sent with submissions for these addresses. */
	@Transactional(readOnly = true)
	public Set<String> employeeIdsOf(Collection<String> addresses) {
		if (addresses.isEmpty()) {
			return Set.of();
		}
		return new LinkedHashSet<>(this.jdbc.sql("""
				SELECT DISTINCT employee_id FROM portal_submission
				WHERE employee_address IN (:addresses) AND employee_id IS NOT NULL""")
			.param("addresses", lowerCase(addresses))
			.query(String.class)
			.list());
	}

	/** Empties the submissions that made this ticket: the JSON, who sent it, the problems found. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int forgetSubmissionsOfTicket(String ticketNumber) {
		return this.jdbc.sql("""
				UPDATE portal_submission SET payload = '{}', employee_id = NULL, employee_address = NULL,
				  problems = NULL, idempotency_key = NULL
				WHERE ticket_number = ? AND (payload <> '{}' OR employee_id IS NOT NULL
				  OR employee_address IS NOT NULL OR problems IS NOT NULL OR idempotency_key IS NOT NULL)""")
			.param(ticketNumber)
			.update();
	}

	/** Deletes up to {@code limit} refused submissions received at or before {@code receivedUpTo}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> deleteRefusedSubmissions(Instant receivedUpTo, int limit) {
		List<Long> ids = this.jdbc.sql("""
				SELECT id FROM portal_submission WHERE outcome = 'REFUSED' AND received_at <= ? ORDER BY id LIMIT ?""")
			.params(Timestamp.from(receivedUpTo), limit)
			.query(Long.class)
			.list();
		if (!ids.isEmpty()) {
			this.jdbc.sql("DELETE FROM portal_submission WHERE id IN (:ids) AND outcome = 'REFUSED'")
				.param("ids", ids)
				.update();
		}
		return ids;
	}

	/**
	 * Deletes up to {@code limit} portal visitors whose last link was sent at or before {@code lastLinkUpTo}:
	 * their links no longer open, and asking for a new one makes them a visitor again.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> deleteIdleVisitors(Instant lastLinkUpTo, int limit) {
		List<Long> ids = this.jdbc.sql("""
				SELECT id FROM portal_visitor WHERE COALESCE(last_link_at, created_at) <= ? ORDER BY id LIMIT ?""")
			.params(Timestamp.from(lastLinkUpTo), limit)
			.query(Long.class)
			.list();
		if (!ids.isEmpty()) {
			this.jdbc.sql("DELETE FROM portal_visitor WHERE id IN (:ids) AND COALESCE(last_link_at, created_at) <= :upTo")
				.param("ids", ids)
				.param("upTo", Timestamp.from(lastLinkUpTo))
				.update();
		}
		return ids;
	}

	/** The submissions of these employees or addresses, or that made these tickets, oldest first. */
	@Transactional(readOnly = true)
	public List<SubmissionRecord> submissionsOf(Collection<String> addresses, Collection<String> employeeIds,
			Collection<String> ticketNumbers) {
		return this.jdbc.sql("""
				SELECT id, received_at, caller, form_code, employee_id, employee_address, language, payload, outcome,
				  problems, ticket_number
				FROM portal_submission WHERE employee_address IN (:addresses) OR employee_id IN (:ids)
				  OR ticket_number IN (:numbers) ORDER BY id""")
			.param("addresses", orNone(lowerCase(addresses)))
			.param("ids", orNone(employeeIds))
			.param("numbers", orNone(ticketNumbers))
			.query((rs, row) -> new SubmissionRecord(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(),
					rs.getString("caller"), rs.getString("form_code"), rs.getString("employee_id"),
					rs.getString("employee_address"), rs.getString("language"), rs.getString("payload"),
					rs.getString("outcome"), rs.getString("problems"), rs.getString("ticket_number")))
			.list();
	}

	/** The portal visitors with these addresses. */
	@Transactional(readOnly = true)
	public List<VisitorRecord> visitorsOf(Collection<String> addresses) {
		return this.jdbc.sql("SELECT id, address, language, created_at, last_link_at FROM portal_visitor "
				+ "WHERE address IN (:addresses) ORDER BY id")
			.param("addresses", orNone(lowerCase(addresses)))
			.query((rs, row) -> new VisitorRecord(rs.getLong("id"), rs.getString("address"), rs.getString("language"),
					rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("last_link_at") == null ? null : rs.getTimestamp("last_link_at").toInstant()))
			.list();
	}

	/**
	 * Erases what the portal holds about a person: refused submissions and their visitor record are
	 * deleted; the submissions that made tickets are emptied ({@code keepShells}) or deleted.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int erase(Collection<String> addresses, Collection<String> employeeIds, Collection<String> ticketNumbers,
			boolean keepShells) {
		List<Long> ids = submissionsOf(addresses, employeeIds, ticketNumbers).stream().map(SubmissionRecord::id).toList();
		int changed = 0;
		if (!ids.isEmpty()) {
			changed += this.jdbc.sql("DELETE FROM portal_submission WHERE id IN (:ids) "
					+ "AND (outcome = 'REFUSED' OR ticket_number IS NULL OR :keep = FALSE)")
				.param("ids", ids)
				.param("keep", keepShells)
				.update();
			changed += this.jdbc.sql("""
					UPDATE portal_submission SET payload = '{}', employee_id = NULL, employee_address = NULL,
					  problems = NULL, idempotency_key = NULL WHERE id IN (:ids)""")
				.param("ids", ids)
				.update();
		}
		return changed + this.jdbc.sql("DELETE FROM portal_visitor WHERE address IN (:addresses)")
			.param("addresses", orNone(lowerCase(addresses)))
			.update();
	}

	private static List<String> lowerCase(Collection<String> addresses) {
		return addresses.stream().map(address -> address.strip().toLowerCase(Locale.ROOT)).toList();
	}

	private static Collection<?> orNone(Collection<String> values) {
		return values.isEmpty() ? List.of("\u0000none") : values;
	}

	/** One submission as received, as an export lists it; {@code payload} is the JSON the portal sent. */
	public record SubmissionRecord(long id, Instant receivedAt, String caller, String formCode, String employeeId,
			String employeeAddress, String language, String payload, String outcome, String problems,
			String ticketNumber) {
	}

	/** An address that asked for a link to the portal pages. */
	public record VisitorRecord(long id, String address, String language, Instant createdAt, Instant lastLinkAt) {
	}

}
