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

	/** The mailbox of a mail recorded before there were several (and of one the row does not name). */
	static final String DEFAULT_MAILBOX = "default";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final MeterRegistry registry;

	/** Per mailbox id (tag {@code mailbox}): the outcome counters and the latency timer. */
	private final Map<String, Map<Outcome, Counter>> outcomes = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, Timer> latency = new java.util.concurrent.ConcurrentHashMap<>();

	/** When this thread started on its current mail: an outcome committed before that is not this one's. */
	private final ThreadLocal<Instant> started = new ThreadLocal<>();

	@org.springframework.beans.factory.annotation.Autowired
	IntakeMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock,
			be.persocontact.gateway.system.Mailboxes mailboxes) {
		this(registry, jdbc, clock, mailboxes.all().stream().map(be.persocontact.gateway.system.Mailbox::id).toList());
	}

	IntakeMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
		this(registry, jdbc, clock, List.of(DEFAULT_MAILBOX));
	}

	private IntakeMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock, List<String> mailboxes) {
		this.registry = registry;
		this.jdbc = jdbc;
		this.clock = clock;
		// every outcome of every mailbox from the start, at zero: a rate over a series that does not exist yet is no rate
		mailboxes.forEach(this::outcomesOf);
		mailboxes.forEach(this::latencyOf);
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

	private Map<Outcome, Counter> outcomesOf(String mailbox) {
		return this.outcomes.computeIfAbsent(mailbox, id -> {
			Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
			for (Outcome outcome : Outcome.values()) {
				if (outcome != Outcome.RECEIVED) {
					counters.put(outcome, Counter.builder("gateway.intake.outcomes")
						.description("Inbound mails by committed outcome (FAILED: an attempt that will be retried)")
						.tag("outcome", outcome.name())
						.tag("mailbox", id)
						.register(this.registry));
				}
			}
			return counters;
		});
	}

	private Timer latencyOf(String mailbox) {
		return this.latency.computeIfAbsent(mailbox, id -> Timer.builder("gateway.intake.latency")
			.description("From a mail's recording to its committed outcome")
			.tag("mailbox", id)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofHours(1))
			.register(this.registry));
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
					"SELECT received_at, processed_at, ticket_number, mailbox_id FROM inbound_message WHERE id = ?", inboundMessageId);
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
			String mailbox = row.get("mailbox_id") instanceof String id ? id : DEFAULT_MAILBOX;
			Counter counter = outcomesOf(mailbox).get(outcome);
			if (counter != null) {
				counter.increment();
			}
			if (outcome.isFinished() && row.get("received_at") instanceof Timestamp received) {
				Duration waited = Duration.between(received.toInstant(), this.clock.instant());
				latencyOf(mailbox).record(waited.isNegative() ? Duration.ZERO : waited);
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
