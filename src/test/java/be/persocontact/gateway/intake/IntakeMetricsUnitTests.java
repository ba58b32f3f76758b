package be.persocontact.gateway.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A mail's outcome is counted once, by the instance that committed it, and timed from its recording;
 * while it is processed the log context names it and, once known, its ticket, and nothing of it is left
 * on the thread afterwards.
 */
class IntakeMetricsUnitTests {

	private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final JdbcTemplate jdbc = mock(JdbcTemplate.class);

	private final IntakeMetrics metrics = new IntakeMetrics(this.registry, this.jdbc, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void anOutcomeCommittedHereIsCountedTimedFromItsRecordingAndNamesItsTicketInTheLogContext() {
		row(7, NOW.minusSeconds(42), NOW, "HRB0000042");

		try (IntakeMetrics.Scope scope = this.metrics.processing(7)) {
			assertThat(MDC.get("inboundMessageId")).isEqualTo("7");
			this.metrics.committed(7, Outcome.TICKET_CREATED);
			assertThat(MDC.get("ticket")).isEqualTo("HRB0000042");
		}

		assertThat(MDC.get("inboundMessageId")).isNull();
		assertThat(MDC.get("ticket")).isNull();
		assertThat(outcomes(Outcome.TICKET_CREATED)).isEqualTo(1);
		assertThat(this.registry.get("gateway.intake.latency").timer().count()).isEqualTo(1);
		assertThat(this.registry.get("gateway.intake.latency").timer().totalTime(java.util.concurrent.TimeUnit.SECONDS))
			.isEqualTo(42);
	}

	@Test
	void anOutcomeAnotherInstanceCommittedBeforeThisOneTookTheMailUpIsNotCountedAgain() {
		row(8, NOW.minusSeconds(60), NOW.minusSeconds(5), "HRB0000043");

		try (IntakeMetrics.Scope scope = this.metrics.processing(8)) {
			this.metrics.committed(8, Outcome.TICKET_CREATED);
		}

		assertThat(outcomes(Outcome.TICKET_CREATED)).isZero();
		assertThat(this.registry.get("gateway.intake.latency").timer().count()).isZero();
	}

	@Test
	void aDuplicateAndAFailedAttemptAreCountedButOnlyAFinishedOutcomeIsTimed() {
		row(9, NOW.minusSeconds(60), NOW.minusSeconds(60), null);
		row(10, NOW.minusSeconds(60), NOW, null);

		this.metrics.committed(9, Outcome.DUPLICATE);
		try (IntakeMetrics.Scope scope = this.metrics.processing(10)) {
			this.metrics.committed(10, Outcome.FAILED);
		}

		assertThat(outcomes(Outcome.DUPLICATE)).isEqualTo(1);
		assertThat(outcomes(Outcome.FAILED)).isEqualTo(1);
		assertThat(this.registry.get("gateway.intake.latency").timer().count()).isEqualTo(1);
		assertThat(this.registry.get("gateway.intake.latency").timer().max(java.util.concurrent.TimeUnit.SECONDS))
			.isEqualTo(Duration.ofSeconds(60).toSeconds());
	}

	private void row(long id, Instant received, Instant processed, String ticket) {
		Map<String, Object> row = new HashMap<>();
		row.put("received_at", Timestamp.from(received));
		row.put("processed_at", Timestamp.from(processed));
		row.put("ticket_number", ticket);
		when(this.jdbc.queryForList(anyString(), eq(id))).thenReturn(List.of(row));
	}

	private double outcomes(Outcome outcome) {
		return this.registry.get("gateway.intake.outcomes").tag("outcome", outcome.name()).counter().count();
	}

}
