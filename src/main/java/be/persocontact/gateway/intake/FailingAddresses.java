package be.persocontact.gateway.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Counts permanent bounces per address and marks an address as failing after the configured number. */
@Component
public class FailingAddresses {

	private final JdbcTemplate jdbc;

	private final IntakeSettings settings;

	private final Clock clock;

	FailingAddresses(JdbcTemplate jdbc, IntakeSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	void recordPermanentFailure(String address, String status) {
		String normalised = address.strip().toLowerCase(Locale.ROOT);
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.update("INSERT INTO failing_address (address, permanent_failures, last_failure_at, last_status) "
				+ "VALUES (?, 1, ?, ?) ON DUPLICATE KEY UPDATE permanent_failures = permanent_failures + 1, "
				+ "last_failure_at = VALUES(last_failure_at), last_status = VALUES(last_status)", normalised, now,
				status);
		this.jdbc.update("UPDATE failing_address SET failing_since = ? WHERE address = ? AND failing_since IS NULL "
				+ "AND permanent_failures >= ?", now, normalised, this.settings.failingAfter());
	}

	/** Has this address bounced for good often enough that mail to it is pointless? */
	public boolean isFailing(String address) {
		Integer failing = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM failing_address WHERE address = ? AND failing_since IS NOT NULL", Integer.class,
				address.strip().toLowerCase(Locale.ROOT));
		return failing != null && failing > 0;
	}

	Instant now() {
		return this.clock.instant();
	}

}
