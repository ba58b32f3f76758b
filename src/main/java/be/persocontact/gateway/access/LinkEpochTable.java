package be.persocontact.gateway.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The epochs in table {@code link_epoch}; a ticket or recipient never bumped is at epoch 0. */
@Component
class LinkEpochTable implements LinkEpochs {

	static final String TICKET = "TICKET";

	static final String RECIPIENT = "RECIPIENT";

	private final JdbcTemplate jdbc;

	LinkEpochTable(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int ofTicket(long ticketId) {
		return epoch(TICKET, Long.toString(ticketId));
	}

	@Override
	public int ofRecipient(String address) {
		return epoch(RECIPIENT, RecipientHash.of(address));
	}

	/** Both in one statement: every mail about a ticket signs its reply address (and links) with both. */
	@Override
	public Pair of(long ticketId, String recipient) {
		int[] epochs = new int[2];
		this.jdbc.query("SELECT scope, epoch FROM link_epoch WHERE (scope = ? AND scope_key = ?) "
				+ "OR (scope = ? AND scope_key = ?)", (rs) -> {
					epochs[TICKET.equals(rs.getString(1)) ? 0 : 1] = rs.getInt(2);
				}, TICKET, Long.toString(ticketId), RECIPIENT, RecipientHash.of(recipient));
		return new Pair(epochs[0], epochs[1]);
	}

	int bump(String scope, String key, String operator, Instant at) {
		this.jdbc.update("INSERT INTO link_epoch (scope, scope_key, epoch, bumped_at, bumped_by) VALUES (?, ?, 1, ?, ?) "
				+ "ON DUPLICATE KEY UPDATE epoch = epoch + 1, bumped_at = VALUES(bumped_at), bumped_by = VALUES(bumped_by)",
				scope, key, Timestamp.from(at), operator);
		return epoch(scope, key);
	}

	private int epoch(String scope, String key) {
		List<Integer> found = this.jdbc.queryForList("SELECT epoch FROM link_epoch WHERE scope = ? AND scope_key = ?",
				Integer.class, scope, key);
		return found.isEmpty() ? 0 : found.get(0);
	}

}
