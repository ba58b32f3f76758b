package be.persocontact.gateway.console;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operator console's session ({@code gateway.console.*}).
 *
 * @param inactivity an operator who does nothing for this long is logged out
 * @param sessionLifetime a session ends this long after the login, however active
 */
@Validated
@ConfigurationProperties("gateway.console")
record ConsoleSettings(@DefaultValue("PT15M") @NotNull Duration inactivity,
		@DefaultValue("PT2H") @NotNull Duration sessionLifetime) {

	ConsoleSettings {
		if (inactivity != null && (inactivity.isZero() || inactivity.isNegative())) {
			throw new IllegalArgumentException("gateway.console.inactivity must be positive, not " + inactivity);
		}
		if (sessionLifetime != null && inactivity != null && sessionLifetime.compareTo(inactivity) < 0) {
			throw new IllegalArgumentException("gateway.console.session-lifetime (" + sessionLifetime
					+ ") must not be shorter than gateway.console.inactivity (" + inactivity + ")");
		}
	}

}
