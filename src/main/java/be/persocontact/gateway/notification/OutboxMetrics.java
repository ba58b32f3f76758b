package be.persocontact.gateway.notification;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox as operators watch it: mails waiting, mails given up on, possible double sends. Read
 * from the table on each scrape, so every instance reports the same figures for the shared outbox.
 * The instance that sends a mail also times it ({@code gateway.outbox.latency}, from queued to accepted
 * by the SMTP server, as a percentile histogram) and counts failed attempts
 * ({@code gateway.outbox.send.failures}, tag {@code final}: true when the mail was given up on).
 */
@Component
class OutboxMetrics {

	private final Timer latency;

	private final Counter retried;

	private final Counter givenUp;

	OutboxMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
		this.latency = Timer.builder("gateway.outbox.latency")
			.description("From a mail's queueing to its acceptance by the SMTP server")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofHours(6))
			.register(registry);
		this.retried = failures(registry, false);
		this.givenUp = failures(registry, true);
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

	private static Counter failures(MeterRegistry registry, boolean last) {
		return Counter.builder("gateway.outbox.send.failures")
			.description("Failed attempts to hand a mail to SMTP (final: the mail was given up on)")
			.tag("final", Boolean.toString(last))
			.register(registry);
	}

	void sent(Instant queued, Instant accepted) {
		Duration waited = Duration.between(queued, accepted);
		this.latency.record(waited.isNegative() ? Duration.ZERO : waited);
	}

	void attemptFailed(boolean last) {
		(last ? this.givenUp : this.retried).increment();
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
