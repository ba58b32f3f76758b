package be.persocontact.gateway.console;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The console's session limits refuse start-up when they make no sense, naming the setting. */
class ConsoleSettingsUnitTests {

	@Test
	void anInactivityOfZeroOrASessionShorterThanTheInactivityRefusesStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ConsoleSettings(Duration.ZERO, Duration.ofHours(2)))
			.withMessageContaining("gateway.console.inactivity");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsoleSettings(Duration.ofMinutes(30), Duration.ofMinutes(10)))
			.withMessageContaining("gateway.console.session-lifetime");
		assertThat(new ConsoleSettings(Duration.ofMinutes(15), Duration.ofHours(2)).inactivity()).hasMinutes(15);
	}

}
