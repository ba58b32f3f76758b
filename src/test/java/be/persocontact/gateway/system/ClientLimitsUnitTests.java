package be.persocontact.gateway.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-client allowances: counted apart, refused past the limit, bounded in memory however many clients come. */
class ClientLimitsUnitTests {

	@Test
	void eachClientHasItsOwnAllowanceAndIsToldWhenToComeBack() {
		ClientLimits limits = new ClientLimits("pages", 2, Duration.ofHours(1), 100);
		assertThat(limits.tryAcquire("192.0.2.1")).isEqualTo(ClientLimits.Outcome.ALLOWED);
		assertThat(limits.tryAcquire("192.0.2.1")).isEqualTo(ClientLimits.Outcome.ALLOWED);
		assertThat(limits.isExhausted("192.0.2.1")).isTrue();
		assertThat(limits.tryAcquire("192.0.2.1")).isEqualTo(ClientLimits.Outcome.FIRST_REFUSAL);
		assertThat(limits.tryAcquire("192.0.2.1")).isEqualTo(ClientLimits.Outcome.REFUSED);
		assertThat(limits.retryAfter("192.0.2.1")).isBetween(Duration.ofSeconds(1), Duration.ofHours(1));

		assertThat(limits.isExhausted("192.0.2.2")).isFalse();
		assertThat(limits.tryAcquire("192.0.2.2")).isEqualTo(ClientLimits.Outcome.ALLOWED);
	}

	@Test
	void pastTheNumberOfTrackedClientsNewcomersShareOneAllowanceInsteadOfGrowingMemory() {
		ClientLimits limits = new ClientLimits("pages", 1, Duration.ofHours(1), 3);
		for (int i = 1; i <= 3; i++) {
			assertThat(limits.tryAcquire("192.0.2." + i).allowed()).isTrue();
		}
		assertThat(limits.tryAcquire("198.51.100.1").allowed()).as("first newcomer, shared allowance").isTrue();
		assertThat(limits.tryAcquire("198.51.100.2").allowed()).as("second newcomer, same shared allowance").isFalse();
		assertThat(limits.isExhausted("198.51.100.3")).as("a newcomer sees the shared allowance used up").isTrue();
		for (int i = 0; i < 10_000; i++) {
			limits.tryAcquire("203.0.113." + i);
		}
		assertThat(limits.trackedClients()).isEqualTo(3);
	}

	@Test
	void clientsIdleForAWholePeriodMakeRoomForNewOnes() throws Exception {
		ClientLimits limits = new ClientLimits("pages", 1, Duration.ofMillis(50), 1);
		assertThat(limits.tryAcquire("192.0.2.1").allowed()).isTrue();
		Thread.sleep(1_100); // idle past the period, and past the one-second pause between sweeps
		assertThat(limits.tryAcquire("192.0.2.2").allowed()).isTrue();
		assertThat(limits.isExhausted("192.0.2.1")).as("forgotten: its allowance is full again").isFalse();
	}

	@Test
	void aLimitWithoutRequestsOrPeriodIsAMistake() {
		assertThatThrownBy(() -> new ClientLimits("pages", 0, Duration.ofMinutes(1), 10))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ClientLimits("pages", 1, Duration.ZERO, 10))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
