package be.persocontact.gateway.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The purge's own table ({@code retention_purge}): one row per closed ticket and kind of data, written when
 * the ticket is seen closed (the work list) and completed when that data is purged (the record); and one
 * row per batch of data that never belonged to a ticket.
 */
@Component
public class RetentionRecords {

	private final JdbcClient jdbc;

	RetentionRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The latest closing time enrolled so far; empty before the first ticket closed. */
	Optional<Instant> latestClosing() {
		return this.jdbc.sql("SELECT MAX(closed_at) FROM retention_purge")
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/** Puts a closed ticket on the work list of every kind; a ticket already on it is left as it is. */
	void enrol(long ticketId, String number, Instant closedAt) {
		for (PurgedData kind : PurgedData.ofTickets()) {
			this.jdbc.sql("INSERT IGNORE INTO retention_purge (kind, ticket_id, ticket_number, closed_at) "
					+ "VALUES (?, ?, ?, ?)")
				.params(kind.code(), ticketId, number, Timestamp.from(closedAt))
				.update();
		}
	}

	/** Tickets whose data of that kind is due (closed at or before {@code closedUpTo}) and not purged yet. */
	List<Due> due(PurgedData kind, Instant closedUpTo, int limit) {
		return this.jdbc.sql("""
				SELECT id, ticket_id, ticket_number FROM retention_purge
				WHERE kind = ? AND purged_at IS NULL AND closed_at <= ? ORDER BY closed_at, id LIMIT ?""")
			.params(kind.code(), Timestamp.from(closedUpTo), limit)
			.query((rs, row) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list();
	}

	/**
	 * Marks a work item done, first thing in the transaction that purges it: the row lock makes a second
	 * instance wait, and then find it done.
	 * @return false when it was done already
	 */
	boolean claimDone(long id, Instant at) {
		return this.jdbc.sql("UPDATE retention_purge SET purged_at = ? WHERE id = ? AND purged_at IS NULL")
			.params(Timestamp.from(at), id)
			.update() == 1;
	}

	void rowsPurged(long id, int rows) {
		this.jdbc.sql("UPDATE retention_purge SET purged_rows = ? WHERE id = ?").params(rows, id).update();
	}

	/** A batch of data that belonged to no ticket, purged now. */
	void recordBatch(PurgedData kind, Instant at, int rows, String detail) {
		this.jdbc.sql("INSERT INTO retention_purge (kind, purged_at, purged_rows, detail) VALUES (?, ?, ?, ?)")
			.params(kind.code(), Timestamp.from(at), rows, detail)
			.update();
	}

	/** A ticket whose requester's data was erased on request: nothing is left for retention to do. */
	void recordErased(long ticketId, String number, Instant at, long requestId, int rows) {
		for (PurgedData kind : PurgedData.ofTickets()) {
			this.jdbc.sql("""
					INSERT INTO retention_purge (kind, ticket_id, ticket_number, closed_at, purged_at, purged_rows, detail)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					ON DUPLICATE KEY UPDATE purged_at = COALESCE(purged_at, VALUES(purged_at)), detail = VALUES(detail)""")
				.params(kind.code(), ticketId, number, Timestamp.from(at), Timestamp.from(at),
						kind == PurgedData.MESSAGE_TEXTS ? rows : 0, "erased on request " + requestId)
				.update();
		}
	}

	/** The records of one ticket, or the newest records of all, newest first. */
	List<Record> find(String ticketNumber, int limit) {
		return this.jdbc.sql("""
				SELECT kind, ticket_number, closed_at, purged_at, purged_rows, detail FROM retention_purge
				WHERE (:number IS NULL OR ticket_number = :number) AND (:number IS NOT NULL OR purged_at IS NOT NULL)
				ORDER BY purged_at IS NULL, purged_at DESC, id DESC LIMIT :limit""")
			.param("number", ticketNumber)
			.param("limit", limit)
			.query((rs, row) -> new Record(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
					instant(rs.getTimestamp(4)), (Integer) rs.getObject(5, Integer.class), rs.getString(6)))
			.list();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** A ticket's data of one kind that is due. */
	record Due(long id, long ticketId, String ticketNumber) {
	}

	/**
	 * What the purge did, or will do: {@code purgedAt} is null while the data is still kept.
	 * @param closedAt when the ticket closed (retention counts from here); null for data of no ticket
	 */
	public record Record(String kind, String ticketNumber, Instant closedAt, Instant purgedAt, Integer rows,
			String detail) {
	}

}
