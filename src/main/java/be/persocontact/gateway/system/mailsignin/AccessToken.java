package be.persocontact.gateway.system.mailsignin;

import java.time.Duration;
import java.time.Instant;

/**
 * An OAuth2 access token and how long it is good for. It opens the helpdesk mailbox as a password would:
 * {@link #toString()} never shows it, so that no log line, exception or debugger view carries it by accident.
 */
public final class AccessToken {

	private final String value;

	private final Instant obtainedAt;

	private final Instant expiresAt;

	public AccessToken(String value, Instant obtainedAt, Instant expiresAt) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("an access token cannot be empty");
		}
		this.value = value;
		this.obtainedAt = obtainedAt;
		this.expiresAt = expiresAt;
	}

	/** The token itself, for the SASL exchange only. */
	public String value() {
		return this.value;
	}

	public Instant obtainedAt() {
		return this.obtainedAt;
	}

	public Instant expiresAt() {
		return this.expiresAt;
	}

	/** When to renew it: {@code renewBefore} ahead of its expiry, but never in the first half of its life. */
	Instant renewAt(Duration renewBefore) {
		Duration lifetime = Duration.between(this.obtainedAt, this.expiresAt);
		Duration margin = renewBefore.compareTo(lifetime.dividedBy(2)) < 0 ? renewBefore : lifetime.dividedBy(2);
		return this.expiresAt.minus(margin);
	}

	boolean isValidAt(Instant when) {
		return when.isBefore(this.expiresAt);
	}

	@Override
	public String toString() {
		return "AccessToken[valid until " + this.expiresAt + "]";
	}

}
