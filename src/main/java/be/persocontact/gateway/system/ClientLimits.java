package be.persocontact.gateway.system;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

/**
 * One limit ({@code requests} per {@code per}) counted separately for every client, with a Resilience4j
 * rate limiter per client. A client idle for a whole period has its full allowance again, so its limiter
 * is dropped when room is needed; past {@code maxClients} busy clients, newcomers share one limiter
 * rather than growing memory without bound (an attacker with many addresses slows them, not the gateway).
 */
final class ClientLimits {

	private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

	private final String name;

	private final RateLimiterConfig config;

	private final int maxClients;

	private final long idleNanos;

	private final ConcurrentHashMap<String, Tracked> clients = new ConcurrentHashMap<>();

	private final Tracked overflow;

	private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

	ClientLimits(String name, int requests, Duration per, int maxClients) {
		if (requests < 1 || per == null || per.isNegative() || per.isZero() || maxClients < 1) {
			throw new IllegalArgumentException(
					"The " + name + " limit needs at least one request per positive period, and room for one client");
		}
		this.name = name;
		this.config = RateLimiterConfig.custom()
			.limitForPeriod(requests)
			.limitRefreshPeriod(per)
			.timeoutDuration(Duration.ZERO)
			.build();
		this.maxClients = maxClients;
		this.idleNanos = per.toNanos();
		this.overflow = new Tracked(RateLimiter.of(name + "-overflow", this.config));
	}

	/** Takes one request of the client's allowance; false (nothing taken) when it is used up. */
	Outcome tryAcquire(String client) {
		Tracked tracked = tracked(client);
		tracked.lastUse.set(System.nanoTime());
		if (tracked.limiter.acquirePermission()) {
			tracked.refusing.set(false);
			return Outcome.ALLOWED;
		}
		return tracked.refusing.compareAndSet(false, true) ? Outcome.FIRST_REFUSAL : Outcome.REFUSED;
	}

	/** Whether the client has used up its allowance for now (or the shared one, past the bound); takes nothing. */
	boolean isExhausted(String client) {
		Tracked tracked = this.clients.get(client);
		if (tracked == null) {
			if (this.clients.size() < this.maxClients) {
				return false;
			}
			tracked = this.overflow;
		}
		return metrics(tracked).getAvailablePermissions() <= 0;
	}

	/** How long until the client may try again, at least one second. */
	Duration retryAfter(String client) {
		Tracked tracked = this.clients.getOrDefault(client, this.overflow);
		long nanos = metrics(tracked).getNanosToWait();
		return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
	}

	/** Clients tracked now (for tests of the bound). */
	int trackedClients() {
		return this.clients.size();
	}

	String name() {
		return this.name;
	}

	enum Outcome {

		ALLOWED, FIRST_REFUSAL, REFUSED;

		boolean allowed() {
			return this == ALLOWED;
		}

	}

	private Tracked tracked(String client) {
		Tracked known = this.clients.get(client);
		if (known != null) {
			return known;
		}
		if (this.clients.size() >= this.maxClients) {
			sweepIdle();
			if (this.clients.size() >= this.maxClients) {
				return this.overflow;
			}
		}
		return this.clients.computeIfAbsent(client, key -> new Tracked(RateLimiter.of(this.name, this.config)));
	}

	/** Drops clients idle for a whole period (their allowance is full again); at most once a second. */
	private void sweepIdle() {
		long now = System.nanoTime();
		long last = this.lastSweep.get();
		if (now - last < SWEEP_INTERVAL.toNanos() || !this.lastSweep.compareAndSet(last, now)) {
			return;
		}
		this.clients.values().removeIf(tracked -> now - tracked.lastUse.get() > this.idleNanos);
	}

	private static AtomicRateLimiter.AtomicRateLimiterMetrics metrics(Tracked tracked) {
		return ((AtomicRateLimiter) tracked.limiter).getDetailedMetrics();
	}

	private static final class Tracked {

		final RateLimiter limiter;

		final AtomicLong lastUse = new AtomicLong(System.nanoTime());

		final AtomicBoolean refusing = new AtomicBoolean();

		Tracked(RateLimiter limiter) {
			this.limiter = limiter;
		}

	}

}
