package be.persocontact.gateway.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.MDC;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The intake as operators watch it, and the log context of the mail being processed.
 * <ul>
 * <li>{@code gateway.intake.outcomes} (tags {@code outcome}, {@code mailbox}): mails by committed outcome,
 * counted by the instance that processed them;</li>
 * <li>{@code gateway.intake.latency} (tag {@code mailbox}): from the mail's recording (its arrival at
 * the gateway) to its committed outcome, as a percentile histogram;</li>
 * <li>{@code gateway.intake.quarantined}, {@code gateway.intake.backlog} and
 * {@code gateway.intake.backlog.age}: held for an operator, recorded but not yet done, and how long the
 * oldest of those has waited; read from the table on each scrape, so every instance reports the same
 * figures for the shared store.</li>
 * </ul>
 * While a mail is processed its record's id is in the log context as {@value #MESSAGE_KEY}, and once its
 * ticket is known, the ticket number as {@value #TICKET_KEY}; structured logs carry both.
 * <p>
 * The intake calls {@link #processing(long)} when it starts on a recorded mail and
 * {@link #committed(long, Outcome)} once that mail's outcome is committed (or its attempt failed). An
 * outcome another instance committed before this thread took the mail up is not counted again here.
 */
@Component
public class IntakeMetrics {

	/** The log context key of the inbound message being processed. */
	public static final String MESSAGE_KEY = "inboundMessageId";

	/** The log context key of the ticket it went to. */
	public static final String TICKET_KEY = "ticket";

	/** The one mailbox of today; the tag is there so that several mailboxes need no new metric names. */
	static final String DEFAULT_MAILBOX = "default";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);

	private final Timer latency;

	/** When this thread started on its current mail: an outcome committed before that is not this one's. */
	private final ThreadLocal<Instant> started = new ThreadLocal<>();

	IntakeMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		// every outcome from the start, at zero: a rate over a series that does not exist yet is no rate
		for (Outcome outcome : Outcome.values()) {
			if (outcome != Outcome.RECEIVED) {
				this.outcomes.put(outcome, Counter.builder("gateway.intake.outcomes")
					.description("Inbound mails by committed outcome (FAILED: an attempt that will be retried)")
					.tag("outcome", outcome.name())
					.tag("mailbox", DEFAULT_MAILBOX)
					.register(registry));
			}
		}
		this.latency = Timer.builder("gateway.intake.latency")
			.description("From a mail's recording to its committed outcome")
			.tag("mailbox", DEFAULT_MAILBOX)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofHours(1))
			.register(registry);
		Gauge.builder("gateway.intake.quarantined",
				() -> number("SELECT COUNT(*) FROM inbound_message WHERE outcome = 'QUARANTINED'"))
			.description("Inbound mails held for an operator (replay or discard)")
			.register(registry);
		Gauge.builder("gateway.intake.backlog",
				() -> number("SELECT COUNT(*) FROM inbound_message WHERE outcome IN ('RECEIVED', 'FAILED')"))
			.description("Inbound mails recorded but without an outcome yet")
			.register(registry);
		Gauge.builder("gateway.intake.backlog.age", this::oldestWaitingSeconds)
			.description("How long the oldest recorded mail without an outcome has waited; 0 when none waits")
			.baseUnit("seconds")
			.register(registry);
	}

	/**
	 * A recorded mail's processing starts on this thread: its id joins the log context until the scope
	 * closes (a ticket number left from the thread's previous mail goes at once).
	 */
	public Scope processing(long inboundMessageId) {
		MDC.remove(TICKET_KEY);
		MDC.put(MESSAGE_KEY, Long.toString(inboundMessageId));
		// stored to the microsecond: the millisecond before is safely earlier than anything committed after
		this.started.set(this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		return new Scope(this.started);
	}

	/**
	 * A mail's outcome is committed: counted, timed from its recording, and its ticket (if any) joins the
	 * log context. Never fails the intake: a figure lost is better than a mail.
	 */
	public void committed(long inboundMessageId, Outcome outcome) {
		try {
			List<Map<String, Object>> rows = this.jdbc.queryForList(
					"SELECT received_at, processed_at, ticket_number FROM inbound_message WHERE id = ?", inboundMessageId);
			if (rows.isEmpty()) {
				return;
			}
			Map<String, Object> row = rows.get(0);
			if (row.get("ticket_number") instanceof String ticket) {
				MDC.put(TICKET_KEY, ticket);
			}
			Instant start = this.started.get();
			// (a duplicate is the recorder's verdict on a new delivery, never an earlier outcome)
			if (outcome.isFinished() && outcome != Outcome.DUPLICATE && start != null
					&& row.get("processed_at") instanceof Timestamp processed
					&& processed.toInstant().isBefore(start)) {
				return; // finished before this thread took it up (another instance): counted where it was done
			}
			Counter counter = this.outcomes.get(outcome);
			if (counter != null) {
				counter.increment();
			}
			if (outcome.isFinished() && row.get("received_at") instanceof Timestamp received) {
				Duration waited = Duration.between(received.toInstant(), this.clock.instant());
				this.latency.record(waited.isNegative() ? Duration.ZERO : waited);
			}
		}
		catch (RuntimeException noFigure) {
			// the database is gone for a moment; the intake itself will notice and retry
		}
	}

	private double oldestWaitingSeconds() {
		try {
			Timestamp oldest = this.jdbc.queryForObject(
					"SELECT MIN(received_at) FROM inbound_message WHERE outcome IN ('RECEIVED', 'FAILED')",
					Timestamp.class);
			if (oldest == null) {
				return 0;
			}
			return Math.max(0, Duration.between(oldest.toInstant(), this.clock.instant()).toMillis() / 1000.0);
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private double number(String sql) {
		try {
			Number value = this.jdbc.queryForObject(sql, Number.class);
			return value == null ? 0 : value.doubleValue();
		}
		catch (RuntimeException ex) {
			return Double.NaN; // no database, no figure: a gap in the graph, not a false zero
		}
	}

	/** Ends a mail's log context. */
	public static final class Scope implements AutoCloseable {

		private final ThreadLocal<Instant> started;

		private Scope(ThreadLocal<Instant> started) {
			this.started = started;
		}

		@Override
		public void close() {
			MDC.remove(MESSAGE_KEY);
			MDC.remove(TICKET_KEY);
			this.started.remove();
		}

	}

}
