package be.persocontact.gateway.system;

import java.security.MessageDigest;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Checks an operator token, for the operator API and the operator console alike: compared in constant
 * time, and one count of wrong tokens per client for both, so that guessing on the console's login form
 * is throttled exactly like guessing on the API (and the two do not add up to twice the tries).
 */
@Component
public class OperatorTokens {

	private static final Logger log = LoggerFactory.getLogger(OperatorTokens.class);

	private final OperatorSettings settings;

	private final byte[] expected;

	private final ClientLimits failures;

	OperatorTokens(OperatorSettings settings) {
		this.settings = settings;
		this.expected = OperatorAccess.digest(settings.token());
		this.failures = new ClientLimits("operator-token-failures", settings.maxFailures(), settings.failureWindow(),
				100_000);
	}

	/** Is there an operator token at all? Without one the API and the console are off. */
	public boolean isOn() {
		return this.settings.isOn();
	}

	/**
	 * The verdict on a token presented by this request's client. A throttled client's token is not looked at,
	 * so that guessing on learns nothing.
	 */
	public Verdict check(HttpServletRequest request, String token) {
		if (!isOn()) {
			return Verdict.OFF;
		}
		String client = ClientAddress.of(request);
		if (this.failures.isExhausted(client)) {
			return Verdict.THROTTLED;
		}
		if (!MessageDigest.isEqual(this.expected, OperatorAccess.digest(token == null ? "" : token.strip()))) {
			this.failures.tryAcquire(client);
			if (this.failures.isExhausted(client)) {
				log.warn("Operator API: {} wrong tokens from {} within {}; its requests are refused for {}",
						this.settings.maxFailures(), client, this.settings.failureWindow(),
						this.failures.retryAfter(client));
			}
			return Verdict.WRONG;
		}
		return Verdict.RIGHT;
	}

	/** How long this request's client must wait before its tokens are looked at again. */
	public Duration retryAfter(HttpServletRequest request) {
		return this.failures.retryAfter(ClientAddress.of(request));
	}

	public enum Verdict {

		RIGHT, WRONG, THROTTLED, OFF

	}

}
