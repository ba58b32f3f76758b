package be.persocontact.gateway.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox as operators watch it: mails waiting, mails given up on, possible double sends. Read
 * from the table on each scrape, so every instance reports the same figures for the shared outbox.
 */
@Component
class OutboxMetrics {

	OutboxMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
		Gauge.builder("gateway.outbox.backlog", () -> count(jdbc, "SELECT COUNT(*) FROM outbound_mail WHERE status = 'PENDING'"))
			.description("Mails in the outbox not yet sent")
			.register(registry);
		Gauge.builder("gateway.outbox.failed", () -> count(jdbc, "SELECT COUNT(*) FROM outbound_mail WHERE status = 'FAILED'"))
			.description("Mails given up on after the maximum number of attempts")
			.register(registry);
		Gauge.builder("gateway.outbox.held", () -> count(jdbc, "SELECT COUNT(*) FROM outbound_mail WHERE status = 'HELD'"))
			.description("Mails not sent because their recipient's address is marked failing (permanent bounces)")
			.register(registry);
		Gauge.builder("gateway.outbox.resends",
				() -> count(jdbc, "SELECT COALESCE(SUM(resends), 0) FROM outbound_mail"))
			.description("Sends after a lost outcome: the recipient may have that mail twice, with one Message-ID")
			.register(registry);
	}

	private static double count(JdbcTemplate jdbc, String sql) {
		try {
			Number value = jdbc.queryForObject(sql, Number.class);
			return value == null ? 0 : value.doubleValue();
		}
		catch (RuntimeException ex) {
			return Double.NaN; // no database, no figure: better a gap in the graph than a false zero
		}
	}

}
