package be.persocontact.gateway.intake;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs on every instance: claims recorded mails ({@link RecordedMailClaims}) and processes them
 * ({@link MailIntake#process}) on {@code gateway.intake.processing.workers} threads, the mails of one
 * sender one after the other. The poller of this instance wakes it as soon as it recorded mail; besides,
 * it looks every {@code period} for mails another instance recorded or left behind.
 */
@Component
public class RecordedMailProcessor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RecordedMailProcessor.class);

	private final MailIntake intake;

	private final RecordedMailClaims claims;

	private final IntakeProcessingSettings settings;

	/** This instance in the claims: host, pid and a random part (a restarted instance is another one). */
	private final String instance;

	private final Semaphore wakeUp = new Semaphore(0);

	/** One large mail in memory at a time on this instance, recorded or processed. */
	private final LargeMails largeMails;

	/** The mails this instance claimed and is working on (queued in a lane or being processed). */
	private final java.util.Set<Long> working = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	/**
	 * How long one free worker waits for a second before it claims alone. A claim costs MariaDB about nine
	 * statements however many mails it takes; on a busy instance workers come free one by one, and without
	 * this wait each would claim one mail. Never longer: a worker beside slow mails still claims at once.
	 */
	static final java.time.Duration PAIRING_WAIT = java.time.Duration.ofMillis(25);

	private ExecutorService workers;

	private Thread claimer;

	RecordedMailProcessor(MailIntake intake, RecordedMailClaims claims, IntakeProcessingSettings settings,
			LargeMails largeMails) {
		this.intake = intake;
		this.largeMails = largeMails;
		this.claims = claims;
		this.settings = settings;
		String name = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
		this.instance = name.length() <= 64 ? name : name.substring(name.length() - 64);
	}

	/** Looks for recorded mails now, instead of at the next period. */
	public void wake() {
		if (this.wakeUp.availablePermits() == 0) {
			this.wakeUp.release();
		}
	}

	/** How this instance names itself in {@code inbound_message.claimed_by}. */
	public String instance() {
		return this.instance;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		AtomicInteger count = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(this.settings.workers(), task -> {
			Thread thread = new Thread(task, "intake-processor-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.claimer = new Thread(this::claimLoop, "intake-claims");
		this.claimer.setDaemon(true);
		this.claimer.start();
		log.info("Processing recorded mails as {} with {} workers", this.instance, this.settings.workers());
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		wake();
		try {
			this.claimer.join(10_000);
			this.workers.shutdown();
			// a mail still in work when this ends is rolled back; its claim expires and another instance takes it
			if (!this.workers.awaitTermination(30, TimeUnit.SECONDS)) {
				this.workers.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stopped before the database and the outbox (default phase 0 and below), started after them. */
	@Override
	public int getPhase() {
		return 1000;
	}

	private void claimLoop() {
		boolean waited = false;
		while (this.running) {
			boolean full = false;
			int free = this.settings.workers() - this.working.size();
			if (free == 1 && this.settings.workers() > 1 && !waited) {
				waited = true;
				try {
					this.wakeUp.tryAcquire(PAIRING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				continue;
			}
			waited = false;
			try {
				if (free > 0) {
					RecordedMailClaims.Round round = this.claims.claim(this.instance, free, this.settings.lease(),
							java.util.Set.copyOf(this.working));
					round.abandoned().forEach(this.intake::abandoned);
					List<RecordedMailClaims.Claimed> claimed = round.claimed();
					dispatch(claimed);
					full = claimed.size() + round.abandoned().size() == free;
				}
			}
			catch (RuntimeException failure) {
				// the database is away: the mails wait in it, and so does this loop
				log.warn("Could not claim recorded mails: {}", failure.toString());
			}
			catch (OutOfMemoryError exhausted) {
				// a large mail in work took the heap as this thread claimed: this thread is the instance's only
				// claimer, and ending it would stop all processing here while the poller goes on recording
				log.error("Could not claim recorded mails: {}", exhausted.toString());
			}
			if (!full) {
				try {
					this.wakeUp.tryAcquire(this.settings.period().toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/** A large mail waits for the one before it to finish; the other workers go on with small ones. */
	private void process(RecordedMailClaims.Claimed mail) {
		try (LargeMails.Permit inMemory = this.largeMails.enter(mail.size())) {
			this.intake.processClaimed(mail.id(), mail.declaredSize());
		}
	}

	/** Each sender's mails in order on one worker; different senders side by side. */
	private void dispatch(List<RecordedMailClaims.Claimed> claimed) {
		Map<String, List<RecordedMailClaims.Claimed>> lanes = new LinkedHashMap<>();
		for (RecordedMailClaims.Claimed mail : claimed) {
			String lane = mail.sender() == null ? "#" + mail.id() : mail.sender().toLowerCase(java.util.Locale.ROOT);
			lanes.computeIfAbsent(lane, key -> new java.util.ArrayList<>()).add(mail);
		}
		for (List<RecordedMailClaims.Claimed> lane : lanes.values()) {
			lane.forEach(mail -> this.working.add(mail.id()));
			this.workers.execute(() -> {
				for (RecordedMailClaims.Claimed mail : lane) {
					Long id = mail.id();
					try {
						if (this.running) {
							process(mail);
						}
					}
					catch (RuntimeException failure) {
						// not even the failure could be recorded: claimed again by this instance at the next round
						log.warn("Inbound message {} could not be processed: {}", id, failure.toString());
					}
					catch (OutOfMemoryError | StackOverflowError exhausted) {
						// this mail took more than the JVM has: the worker lives on for the others, and the mail is
						// claimed again until max-unfinished such ends quarantine it (RecordedMailClaims)
						log.error("Inbound message {} ended its processing with {}", id, exhausted.toString());
					}
					finally {
						this.working.remove(id);
					}
				}
				wake(); // room for more
			});
		}
	}

}
