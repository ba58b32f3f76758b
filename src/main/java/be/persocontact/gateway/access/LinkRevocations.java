package be.persocontact.gateway.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The revocation log (table {@code link_revocation}): every bump of an epoch, with who, when and why. */
@Component
class LinkRevocations {

	private static final RowMapper<Revocation> ROW = (rs, row) -> new Revocation(rs.getLong("id"),
			Revocation.Scope.valueOf(rs.getString("scope")), rs.getString("subject"), rs.getString("scope_key"),
			rs.getInt("epoch"), rs.getTimestamp("revoked_at").toInstant(), rs.getString("revoked_by"),
			rs.getString("reason"));

	private final JdbcTemplate jdbc;

	LinkRevocations(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Revocation record(Revocation.Scope scope, String subject, String key, int epoch, Instant at, String operator,
			String reason) {
		GeneratedKeyHolder id = new GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			var insert = connection.prepareStatement("INSERT INTO link_revocation (revoked_at, scope, subject, scope_key, "
					+ "epoch, revoked_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			insert.setTimestamp(1, Timestamp.from(at));
			insert.setString(2, scope.name());
			insert.setString(3, subject);
			insert.setString(4, key);
			insert.setInt(5, epoch);
			insert.setString(6, operator);
			insert.setString(7, reason);
			return insert;
		}, id);
		return new Revocation(id.getKey().longValue(), scope, subject, key, epoch, at, operator, reason);
	}

	/** Newest first; {@code subjectOrKey} matches the ticket number, queue code or pseudonym. */
	List<Revocation> find(Revocation.Scope scope, String subjectOrKey, int limit) {
		return this.jdbc.query("SELECT * FROM link_revocation WHERE (? IS NULL OR scope = ?) "
				+ "AND (? IS NULL OR subject = ? OR scope_key = ?) ORDER BY id DESC LIMIT ?", ROW,
				scope == null ? null : scope.name(), scope == null ? null : scope.name(), subjectOrKey, subjectOrKey,
				subjectOrKey, limit);
	}

}
