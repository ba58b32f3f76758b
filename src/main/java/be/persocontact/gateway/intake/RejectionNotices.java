package be.persocontact.gateway.intake;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Tells a rejected sender at most once per reason and day (the day in UTC). */
@Component
class RejectionNotices {

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RejectionNotices(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** Publishes {@link IntakeRejected} unless this sender was already told today; returns whether it was. */
	boolean notifyOnce(String address, String language, Outcome outcome, String reason) {
		String normalised = address.strip().toLowerCase(Locale.ROOT);
		int inserted = this.jdbc.update("INSERT IGNORE INTO rejection_notice (address, reason, day, sent_at) "
				+ "VALUES (?, ?, ?, ?)", normalised, outcome.name(),
				Date.valueOf(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC)),
				Timestamp.from(this.clock.instant()));
		if (inserted == 0) {
			return false;
		}
		this.events.publishEvent(new IntakeRejected(normalised, language, outcome, reason));
		return true;
	}

}
