package be.persocontact.gateway.system;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operator API ({@code gateway.ops.*}).
 *
 * @param token the bearer token operators present; empty switches the API off. It opens raw mails with
 * medical certificates, so a short one refuses start-up
 * @param maxFailures wrong tokens one client may present per {@code failureWindow}; after that it gets 429
 * until the window ends, right token or not
 * @param failureWindow the window wrong tokens are counted in
 */
@Validated
@ConfigurationProperties("gateway.ops")
record OperatorSettings(String token, @DefaultValue("10") @Positive int maxFailures,
		@DefaultValue("PT15M") @NotNull Duration failureWindow) {

	static final int MIN_TOKEN_LENGTH = 32;

	OperatorSettings {
		token = token == null ? "" : token.strip();
		if (!token.isEmpty() && token.length() < MIN_TOKEN_LENGTH) {
			throw new IllegalArgumentException("GATEWAY_OPS_TOKEN has " + token.length() + " characters; it must have at least "
					+ MIN_TOKEN_LENGTH + " (it opens raw mails with medical certificates). Generate one with "
					+ "`openssl rand -base64 32`, or leave it empty to keep the operator API off.");
		}
		if (failureWindow != null && (failureWindow.isZero() || failureWindow.isNegative())) {
			throw new IllegalArgumentException("gateway.ops.failure-window must be positive, not " + failureWindow);
		}
	}

	boolean isOn() {
		return !this.token.isEmpty();
	}

}
