package be.persocontact.gateway.system.mailsignin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Renews every login's token in the background when it falls due, so that a connection finds a fresh
 * token ready (also while the IMAP connection stays open and nothing else asks for one) and a provider that stopped giving tokens shows in health before the current one expires.
 * The first token is asked for right after start-up.
 */
public final class TokenRenewal implements AutoCloseable {

	private static final Duration SHORTEST = Duration.ofMillis(200);

	/**
	 * A token can also be renewed by a connection (a refusal, a connection finding it due), which moves the
	 * next renewal earlier than it was scheduled: the check is cheap, so it is made at least every second.
	 */
	private static final Duration LONGEST = Duration.ofSeconds(1);

	private final List<AccessTokens> tokens;

	private final Clock clock;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "mail-token-renewal");
		thread.setDaemon(true);
		return thread;
	});

	public TokenRenewal(List<AccessTokens> tokens, Clock clock) {
		this.tokens = List.copyOf(tokens);
		this.clock = clock;
	}

	public void start() {
		this.tokens.forEach(login -> this.scheduler.execute(() -> step(login)));
	}

	private void step(AccessTokens login) {
		try {
			login.renewIfDue();
		}
		finally {
			Duration wait = Duration.between(this.clock.instant(), login.nextRenewal());
			wait = wait.compareTo(SHORTEST) < 0 ? SHORTEST : wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
			if (!this.scheduler.isShutdown()) {
				this.scheduler.schedule(() -> step(login), wait.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	/** When the next renewal of any login is due; for tests and health. */
	Instant nextRenewal() {
		return this.tokens.stream().map(AccessTokens::nextRenewal).min(Instant::compareTo).orElse(Instant.MAX);
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
