package be.persocontact.gateway.intake.mail;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import be.persocontact.gateway.system.Mailbox;
import be.persocontact.gateway.system.Mailboxes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.integration.leader.Candidate;
import org.springframework.integration.leader.Context;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.stereotype.Component;

/**
 * Exactly one instance polls each mailbox: the one that holds its leader lock ({@code mailbox-poller:<id>},
 * {@link LeaderElectionConfiguration}). Each mailbox's intake route is declared with
 * {@code autoStartup: false}; its {@link LockRegistryLeaderInitiator} starts it through Camel's route
 * controller when leadership is granted and stops it when revoked (the leader stopped, died or lost the
 * database: then another instance's initiator takes the expired lock). Every instance processes what was
 * recorded, whoever polled it ({@link be.persocontact.gateway.intake.RecordedMailProcessor}).
 * <p>
 * Metrics: {@code gateway.intake.leader} (tag {@code mailbox}: 1 while this instance polls it, else 0) and
 * {@code gateway.intake.leader.changes} (tags {@code mailbox}, {@code event} granted|revoked).
 */
@Component
public class MailboxPollers {

	private static final Logger log = LoggerFactory.getLogger(MailboxPollers.class);

	private final LeaderElectionConfiguration.PollerLocks locks;

	private final CamelContext camel;

	private final MeterRegistry meters;

	private final LeaderSettings settings;

	private final ApplicationEventPublisher events;

	private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, LockRegistryLeaderInitiator> initiators = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> leading = new ConcurrentHashMap<>();

	private final Map<String, Poller> pollers = new ConcurrentHashMap<>();

	/** Stops a leader's route when its lock's renewals stopped (see {@link #checkRenewals()}). */
	private java.util.concurrent.ScheduledExecutorService watchdog;

	private volatile boolean started;

	MailboxPollers(LeaderElectionConfiguration.PollerLocks pollerLocks, CamelContext camel, MeterRegistry meters, LeaderSettings settings,
			ApplicationEventPublisher events, Mailboxes mailboxes) {
		this.locks = pollerLocks;
		this.camel = camel;
		this.meters = meters;
		this.settings = settings;
		this.events = events;
		// each mailbox's route is made by MailboxRoutes before the elections start
		for (Mailbox mailbox : mailboxes.all()) {
			poll(mailbox.id(), MailboxRoutes.routeId(mailbox));
		}
	}

	/**
	 * The one place a mailbox gets its poller: a leader initiator for role {@code mailbox-poller:<mailboxId>}
	 * that starts and stops the route {@code routeId} (declared with {@code autoStartup: false}).
	 */
	public synchronized void poll(String mailboxId, String routeId) {
		if (this.initiators.containsKey(mailboxId)) {
			throw new IllegalStateException("Mailbox " + mailboxId + " has a poller already");
		}
		AtomicInteger leader = new AtomicInteger();
		this.leading.put(mailboxId, leader);
		Gauge.builder("gateway.intake.leader", leader, AtomicInteger::get)
			.description("1 while this instance polls the mailbox, else 0")
			.tag("mailbox", mailboxId)
			.register(this.meters);
		Poller poller = new Poller(mailboxId, routeId, leader);
		this.pollers.put(mailboxId, poller);
		LockRegistryLeaderInitiator initiator = new LockRegistryLeaderInitiator(this.locks, poller);
		initiator.setHeartBeatMillis(this.settings.heartbeat().toMillis());
		initiator.setBusyWaitMillis(this.settings.retry().toMillis());
		initiator.setApplicationEventPublisher(this.events); // OnGrantedEvent / OnRevokedEvent for whoever listens
		initiator.setAutoStartup(false);
		this.initiators.put(mailboxId, initiator);
		if (this.started) {
			initiator.start();
		}
	}

	/** The candidate of a mailbox, as its initiator sees it. */
	Candidate candidate(String mailboxId) {
		return this.pollers.get(mailboxId);
	}

	/** Whether this instance polls that mailbox now. */
	public boolean isLeading(String mailboxId) {
		AtomicInteger leader = this.leading.get(mailboxId);
		return leader != null && leader.get() == 1;
	}

	/** Elections start once Camel runs, so that a granted leadership can start its route. */
	@EventListener(ApplicationReadyEvent.class)
	public synchronized void startElections() {
		this.started = true;
		this.initiators.values().forEach(LockRegistryLeaderInitiator::start);
		this.watchdog = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "leader-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		long every = Math.max(100, this.settings.retry().toMillis());
		this.watchdog.scheduleWithFixedDelay(this::checkRenewals, every, every, TimeUnit.MILLISECONDS);
		log.info("Mailbox pollers: {} stand for election as {} (takeover within {})", this.initiators.keySet(),
				this.instance, this.settings.takeoverBound());
	}

	/** A stopping instance gives its mailboxes up at once, before anything else stops. */
	@EventListener(ContextClosedEvent.class)
	public synchronized void stopElections() {
		this.started = false;
		if (this.watchdog != null) {
			this.watchdog.shutdownNow();
		}
		this.initiators.values().forEach(LockRegistryLeaderInitiator::stop);
	}

	/**
	 * A leader whose lock has not been renewed for {@code lock-ttl - heartbeat} (the database does not
	 * answer; the initiator keeps retrying inside the registry meanwhile) stops polling before its lock
	 * expires and another instance takes it; it polls again as soon as a renewal succeeds, if it is still
	 * the leader, and otherwise the initiator revokes it.
	 */
	void checkRenewals() {
		java.time.Duration limit = this.settings.lockTtl().minus(this.settings.heartbeat());
		for (Poller poller : this.pollers.values()) {
			try {
				java.time.Duration since = this.locks.sinceRenewal(poller.getRole());
				if (since == null) {
					continue;
				}
				if (since.compareTo(limit) > 0) {
					poller.suspend(since);
				}
				else if (since.compareTo(this.settings.heartbeat().multipliedBy(2)) < 0) {
					poller.resume();
				}
			}
			catch (RuntimeException failed) {
				log.warn("Leader watchdog of mailbox {}: {}", poller.mailboxId, failed.toString());
			}
		}
	}

	/** The candidate of one mailbox: its route runs exactly while it leads. */
	private final class Poller implements Candidate {

		private final String mailboxId;

		private final String routeId;

		private final AtomicInteger leader;

		private final Counter grants;

		private final Counter revocations;

		/** Leadership granted by the initiator and not revoked since. */
		private boolean granted;

		/** Granted, but not polling: the lock's renewals stopped. */
		private boolean suspended;

		Poller(String mailboxId, String routeId, AtomicInteger leader) {
			this.mailboxId = mailboxId;
			this.routeId = routeId;
			this.leader = leader;
			this.grants = changes(mailboxId, "granted");
			this.revocations = changes(mailboxId, "revoked");
		}

		private Counter changes(String mailbox, String event) {
			return Counter.builder("gateway.intake.leader.changes")
				.description("Leaderships of a mailbox's poller granted to or revoked from this instance")
				.tag("mailbox", mailbox)
				.tag("event", event)
				.register(MailboxPollers.this.meters);
		}

		@Override
		public String getRole() {
			return "mailbox-poller:" + this.mailboxId;
		}

		@Override
		public String getId() {
			return MailboxPollers.this.instance;
		}

		@Override
		public synchronized void onGranted(Context context) {
			log.info("Leadership of {} granted to {}: polling mailbox {} (route {})", getRole(), getId(),
					this.mailboxId, this.routeId);
			this.granted = true;
			this.suspended = false;
			startPolling();
		}

		@Override
		public synchronized void onRevoked(Context context) {
			boolean wasPolling = this.granted && !this.suspended;
			this.granted = false;
			this.suspended = false;
			log.info("Leadership of {} revoked from {}: no longer polling mailbox {}", getRole(), getId(),
					this.mailboxId);
			if (wasPolling) {
				stopPolling();
			}
		}

		synchronized void suspend(java.time.Duration since) {
			if (!this.granted || this.suspended) {
				return;
			}
			this.suspended = true;
			log.warn("Leadership of {} suspended on {}: its lock was not renewed for {} ms (database unreachable); "
					+ "no longer polling mailbox {}", getRole(), getId(), since.toMillis(), this.mailboxId);
			stopPolling();
		}

		synchronized void resume() {
			if (!this.granted || !this.suspended) {
				return;
			}
			log.info("Leadership of {} resumed on {}: its lock is renewed again; polling mailbox {}", getRole(),
					getId(), this.mailboxId);
			startPolling();
			this.suspended = false;
		}

		private void startPolling() {
			this.grants.increment();
			try {
				MailboxPollers.this.camel.getRouteController().startRoute(this.routeId);
			}
			catch (Exception failed) {
				// thrown back to the initiator, which lets the lock go and stands again
				throw new IllegalStateException("Could not start route " + this.routeId, failed);
			}
			this.leader.set(1);
		}

		private void stopPolling() {
			this.leader.set(0);
			this.revocations.increment();
			try {
				// a batch in work is only recorded: it ends quickly; what is not moved is absorbed as a duplicate
				MailboxPollers.this.camel.getRouteController().stopRoute(this.routeId, 10, TimeUnit.SECONDS);
			}
			catch (Exception failed) {
				log.warn("Could not stop route {} after losing leadership: {}", this.routeId, failed.toString());
			}
		}

	}

}
