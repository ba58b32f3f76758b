package be.persocontact.gateway.system.mailsignin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token one login signs in with, kept until it is due and renewed ahead of its expiry. A
 * token the mail server refuses is renewed at once, but only once: a second refusal waits for the next
 * regular renewal, so that a mailbox the application may not open does not make the gateway hammer the
 * identity provider. A failed renewal is tried again after a growing pause (2 s up to a minute), the
 * current token serving as long as it is valid.
 * <p>
 * Whether the login can sign in is health ({@link #isUsable()}) and metrics ({@code gateway.mail.oauth2.*},
 * tagged with the mailbox). The token itself is never logged: log lines name the login, the provider and
 * what went wrong.
 */
public final class AccessTokens {

	private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);

	static final Duration FIRST_RETRY = Duration.ofSeconds(2);

	static final Duration LAST_RETRY = Duration.ofMinutes(1);

	private final String login;

	private final TokenSource source;

	private final Duration renewBefore;

	private final Clock clock;

	private AccessToken token;

	/** The current token was fetched because its predecessor was refused: it gets no second such renewal. */
	private boolean renewedAfterRefusal;

	private String refusedBy;

	private Instant refusedAt;

	private String failure;

	private Instant failedAt;

	private Instant retryAt;

	private Duration pause = FIRST_RETRY;

	private Instant lastSignIn;

	private final Counter renewed;

	private final Counter renewalsFailed;

	private final MeterRegistry registry;

	public AccessTokens(String login, TokenSource source, Duration renewBefore, Clock clock, MeterRegistry registry) {
		this.login = login;
		this.source = source;
		this.renewBefore = renewBefore;
		this.clock = clock;
		this.registry = registry;
		if (registry != null) {
			this.renewed = Counter.builder("gateway.mail.oauth2.renewals")
				.description("Access tokens asked for, by outcome")
				.tags("mailbox", login, "outcome", "success")
				.register(registry);
			this.renewalsFailed = Counter.builder("gateway.mail.oauth2.renewals")
				.tags("mailbox", login, "outcome", "failure")
				.register(registry);
			Gauge.builder("gateway.mail.oauth2.token.remaining", this, AccessTokens::secondsLeft)
				.description("Seconds the current access token is still valid; 0 without one")
				.tag("mailbox", login)
				.baseUnit("seconds")
				.register(registry);
			Gauge.builder("gateway.mail.oauth2.usable", this, tokens -> tokens.isUsable() ? 1 : 0)
				.description("1 while the mailbox can be signed in to (a valid token, renewed and not refused), else 0")
				.tag("mailbox", login)
				.register(registry);
		}
		else {
			this.renewed = null;
			this.renewalsFailed = null;
		}
	}

	public String login() {
		return this.login;
	}

	public String provider() {
		return this.source.describe();
	}

	/**
	 * The token to sign in with: the current one while it is not due, else a new one. Throws when there
	 * is no valid token and none can be had now; the message says why and when it is tried again.
	 */
	public synchronized AccessToken current() throws TokenRequestFailed {
		Instant now = this.clock.instant();
		if (this.token != null && this.refusedBy == null && now.isBefore(this.token.renewAt(this.renewBefore))) {
			return this.token;
		}
		boolean waiting = this.retryAt != null && now.isBefore(this.retryAt);
		boolean refusedTwice = this.refusedBy != null && this.renewedAfterRefusal
				&& now.isBefore(this.token.renewAt(this.renewBefore));
		if (!waiting && !refusedTwice) {
			renew(now);
		}
		if (this.token != null && this.token.isValidAt(now)) {
			return this.token;
		}
		throw new TokenRequestFailed("no access token for " + this.login + " (" + this.source.describe() + "): "
				+ (this.failure == null ? "none obtained yet" : this.failure)
				+ (this.retryAt == null ? "" : "; asked again from " + this.retryAt));
	}

	/** The current token if one is held, whether due or not, without asking for one: for Camel's login. */
	public synchronized String heldValue() {
		return this.token == null ? "" : this.token.value();
	}

	/** The token held now, due or not; null before the first. */
	synchronized AccessToken held() {
		return this.token;
	}

	/** Renews now if the token is due (or missing); the background renewal's step. Never throws. */
	public void renewIfDue() {
		try {
			current();
		}
		catch (TokenRequestFailed stillFailing) {
			// recorded, logged and visible in health by renew()
		}
	}

	/** When {@link #renewIfDue()} has something to do next. */
	public synchronized Instant nextRenewal() {
		Instant due = this.token == null ? this.clock.instant() : this.token.renewAt(this.renewBefore);
		if (this.retryAt != null && this.retryAt.isAfter(due)) {
			return this.retryAt;
		}
		return due;
	}

	/** The mail server ({@code imap}, {@code smtp}) refused this token: the next {@link #current()} renews it, once. */
	public synchronized void refused(AccessToken refused, String protocol) {
		if (this.registry != null) {
			Counter.builder("gateway.mail.oauth2.refusals")
				.description("Sign-ins the mail server refused with an access token")
				.tags("mailbox", this.login, "protocol", protocol)
				.register(this.registry)
				.increment();
		}
		if (refused != this.token) {
			return; // an older token; the current one is newer already
		}
		boolean first = this.refusedBy == null;
		this.refusedBy = protocol;
		this.refusedAt = this.clock.instant();
		if (first) {
			log.warn("Mail sign-in: the {} server refused the access token of {} (valid until {}); {}", protocol,
					this.login, refused.expiresAt(), this.renewedAfterRefusal
							? "it was renewed after a refusal already, so it is renewed again only at " + refused.renewAt(this.renewBefore)
							: "asking " + this.source.describe() + " for a new one");
		}
	}

	/** The mail server took this token: a later refusal of it is news, worth a renewal again. */
	public synchronized void accepted(AccessToken accepted) {
		this.lastSignIn = this.clock.instant();
		if (accepted == this.token) {
			this.renewedAfterRefusal = false;
		}
		if (accepted == this.token && this.refusedBy != null) {
			log.info("Mail sign-in: the {} server takes the access token of {} again", this.refusedBy, this.login);
			this.refusedBy = null;
			this.refusedAt = null;
		}
	}

	/**
	 * Usable: a valid token that the last renewal did not fail to replace and that no server refused.
	 * Anything else is a mailbox the gateway may soon be unable to read or send from.
	 */
	public synchronized boolean isUsable() {
		return this.token != null && this.token.isValidAt(this.clock.instant()) && this.failure == null
				&& this.refusedBy == null;
	}

	/** What health shows: no token, no secret. */
	public synchronized Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("provider", this.source.describe());
		details.put("tokenValidUntil", this.token == null ? "no token" : this.token.expiresAt().toString());
		if (this.token != null) {
			details.put("renewalDue", this.token.renewAt(this.renewBefore).toString());
		}
		if (this.failure != null) {
			details.put("renewalFailed", this.failedAt + ": " + this.failure);
			details.put("nextAttempt", String.valueOf(this.retryAt));
		}
		if (this.refusedBy != null) {
			details.put("refusedBy", this.refusedBy + " server at " + this.refusedAt);
		}
		if (this.lastSignIn != null) {
			details.put("lastSignIn", this.lastSignIn.toString());
		}
		return details;
	}

	private void renew(Instant now) {
		boolean afterRefusal = this.refusedBy != null;
		try {
			AccessToken fresh = this.source.fetch(this.login);
			boolean recovered = this.failure != null;
			this.token = fresh;
			this.renewedAfterRefusal = afterRefusal;
			this.refusedBy = null;
			this.refusedAt = null;
			this.failure = null;
			this.failedAt = null;
			this.retryAt = null;
			this.pause = FIRST_RETRY;
			count(this.renewed);
			if (recovered) {
				log.info("Mail sign-in: new access token for {} from {} after failed attempts, valid until {}", this.login,
						this.source.describe(), fresh.expiresAt());
			}
			else {
				log.debug("Mail sign-in: new access token for {}, valid until {}", this.login, fresh.expiresAt());
			}
		}
		catch (TokenRequestFailed | RuntimeException failed) {
			this.failure = failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
			this.failedAt = now;
			this.retryAt = now.plus(this.pause);
			this.pause = this.pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : this.pause.multipliedBy(2);
			count(this.renewalsFailed);
			boolean valid = this.token != null && this.token.isValidAt(now) && !afterRefusal;
			log.warn("Mail sign-in: no new access token for {}: {}; {}; asked again from {}", this.login, this.failure,
					valid ? "the current one serves until " + this.token.expiresAt()
							: "the mailbox is neither read nor sent from until one is had",
					this.retryAt);
		}
	}

	private static void count(Counter counter) {
		if (counter != null) {
			counter.increment();
		}
	}

	private double secondsLeft() {
		AccessToken held;
		synchronized (this) {
			held = this.token;
		}
		return held == null ? 0 : Math.max(0, Duration.between(this.clock.instant(), held.expiresAt()).toMillis() / 1000.0);
	}

}
