package be.persocontact.gateway.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access log ({@code link_access}) as the access module shows and forgets it: who opened a ticket's
 * pages, files and reply addresses, when, with what, as a pseudonym of the address the link was issued to
 * ({@link RecipientHash}). A ticket's uses go with the ticket's retention; uses that name no ticket (the
 * portal pages) after the same period counted from the use. The revocation epochs and log are kept: they
 * are what keeps withdrawn links withdrawn.
 */
@Service
public class LinkAccessLog {

	private final JdbcClient jdbc;

	LinkAccessLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The uses of a ticket's links, oldest first. */
	@Transactional(readOnly = true)
	public List<Use> usesOfTicket(long ticketId) {
		return this.jdbc.sql("SELECT * FROM link_access WHERE ticket_id = ? ORDER BY accessed_at, id")
			.param(ticketId)
			.query((rs, row) -> use(rs))
			.list();
	}

	/** The uses of links issued to these addresses, for any ticket or none, oldest first. */
	@Transactional(readOnly = true)
	public List<Use> usesBy(Collection<String> addresses) {
		if (addresses.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT * FROM link_access WHERE recipient_hash IN (:hashes) ORDER BY accessed_at, id")
			.param("hashes", hashes(addresses))
			.query((rs, row) -> use(rs))
			.list();
	}

	/** Whether a use was by whom a link was issued to at that address. */
	public static boolean isBy(Use use, String address) {
		return RecipientHash.of(address).equals(use.recipientHash());
	}

	/** The pseudonym the log keeps of the audience of a queue's links (its officers). */
	public static String queueAudienceHash(String queue) {
		return RecipientHash.of(ReplyAddresses.QUEUE_AUDIENCE_PREFIX + queue);
	}

	/** Deletes the uses of a ticket's links. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int deleteUsesOfTicket(long ticketId) {
		return this.jdbc.sql("DELETE FROM link_access WHERE ticket_id = ?").param(ticketId).update();
	}

	/** Deletes the uses of links issued to these addresses, whatever they opened. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int deleteUsesBy(Collection<String> addresses) {
		if (addresses.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("DELETE FROM link_access WHERE recipient_hash IN (:hashes)")
			.param("hashes", hashes(addresses))
			.update();
	}

	/**
	 * Deletes up to {@code limit} uses that name no ticket, made at or before {@code accessedUpTo}.
	 * @return the ids deleted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> deleteUsesWithoutTicket(Instant accessedUpTo, int limit) {
		List<Long> ids = this.jdbc.sql("""
				SELECT id FROM link_access WHERE ticket_id IS NULL AND accessed_at <= ? ORDER BY id LIMIT ?""")
			.params(Timestamp.from(accessedUpTo), limit)
			.query(Long.class)
			.list();
		if (!ids.isEmpty()) {
			this.jdbc.sql("DELETE FROM link_access WHERE id IN (:ids)").param("ids", ids).update();
		}
		return ids;
	}

	private static List<String> hashes(Collection<String> addresses) {
		return addresses.stream().map(RecipientHash::of).distinct().toList();
	}

	private static Use use(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Use(rs.getLong("id"), rs.getTimestamp("accessed_at").toInstant(),
				(Long) rs.getObject("ticket_id", Long.class), rs.getString("purpose"), rs.getString("recipient_hash"),
				rs.getString("user_agent"), rs.getString("outcome"));
	}

	/**
	 * One use of a link or reply address.
	 * @param recipientHash the pseudonym of whom the link was issued to: the requester, or a queue's officers
	 * @param outcome {@code GRANTED}: uses that did not open are only counted ({@code gateway.links.rejected})
	 */
	public record Use(long id, Instant at, Long ticketId, String purpose, String recipientHash, String userAgent,
			String outcome) {
	}

}
