package be.persocontact.gateway;

import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One of MariaDB's status counters for the current connection ({@code SHOW SESSION STATUS}), read inside a
 * transaction so that every read is on the connection under test: statements run, bytes sent.
 */
public record SessionCounter(JdbcTemplate jdbc, String name) {

	/** The counter's value so far. */
	public long value() {
		Map<String, Object> row = this.jdbc.queryForMap("SHOW SESSION STATUS LIKE ?", this.name);
		return Long.parseLong(row.get("Value").toString());
	}

	/** Rows this connection's statements have read so far: MariaDB's handler counters added up. */
	public static long rowsRead(JdbcTemplate jdbc) {
		long total = 0;
		for (Map<String, Object> row : jdbc.queryForList("SHOW SESSION STATUS LIKE 'Handler_read%'")) {
			total += Long.parseLong(row.get("Value").toString());
		}
		return total;
	}

	/** What reading the counter twice adds to it by itself. */
	public long overhead() {
		long a = value();
		return value() - a;
	}

}
