package be.persocontact.gateway.intake.mail;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.RouteController;
import org.junit.jupiter.api.Test;

import org.springframework.integration.leader.Candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The mailbox's route runs exactly while this instance leads: started on a grant, stopped on a revocation,
 * and stopped too while the lock goes unrenewed (the database does not answer) for longer than
 * {@code lock-ttl - heartbeat}, before another instance could take the lock; polling resumes when a
 * renewal succeeds. The gauge and the counter say so.
 */
class MailboxPollersUnitTests {

	private final RouteController routes = mock(RouteController.class);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private Duration sinceRenewal;

	private final MailboxPollers pollers;

	MailboxPollersUnitTests() {
		CamelContext camel = mock(CamelContext.class);
		when(camel.getRouteController()).thenReturn(this.routes);
		LeaderElectionConfiguration.PollerLocks locks = new LeaderElectionConfiguration.PollerLocks(null) {
			@Override
			Duration sinceRenewal(Object key) {
				return MailboxPollersUnitTests.this.sinceRenewal;
			}
		};
		this.pollers = new MailboxPollers(locks, camel, this.meters,
				new LeaderSettings(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMillis(500)), event -> {
				}, new be.persocontact.gateway.system.Mailboxes(java.util.List.of(new be.persocontact.gateway.system.Mailbox(
						"default", new be.persocontact.gateway.system.MailServerSettings("127.0.0.1", "imap", 3143, "smtp",
								3025, "helpdesk@persocontact.local", "helpdesk", "helpdesk@persocontact.local", "INBOX",
								"Processed", "Quarantine", null, false, null, null, null, null),
						null, "nl"))));
	}

	@Test
	void theRoutePollsWhileLeadingStopsWhenRenewalsStopBeforeTheLockExpiresAndResumesWhenTheyComeBack()
			throws Exception {
		Candidate poller = this.pollers.candidate("default");
		assertThat(poller.getRole()).isEqualTo("mailbox-poller:default");

		poller.onGranted(null);
		verify(this.routes).startRoute("mail-intake");
		assertThat(leader()).isEqualTo(1.0);

		this.sinceRenewal = Duration.ofSeconds(3); // a renewal late, but the lock is far from expiring
		this.pollers.checkRenewals();
		verify(this.routes, never()).stopRoute("mail-intake", 10, TimeUnit.SECONDS);

		this.sinceRenewal = Duration.ofMillis(8_100); // lock-ttl - heartbeat passed: it may expire soon
		this.pollers.checkRenewals();
		verify(this.routes).stopRoute("mail-intake", 10, TimeUnit.SECONDS);
		assertThat(leader()).isZero();
		assertThat(changes("revoked")).isEqualTo(1.0);

		this.sinceRenewal = Duration.ofMillis(300); // renewed again while still holding the lock
		this.pollers.checkRenewals();
		verify(this.routes, times(2)).startRoute("mail-intake");
		assertThat(leader()).isEqualTo(1.0);
		assertThat(changes("granted")).isEqualTo(2.0);

		poller.onRevoked(null);
		verify(this.routes, times(2)).stopRoute("mail-intake", 10, TimeUnit.SECONDS);
		assertThat(leader()).isZero();
		assertThat(this.pollers.isLeading("default")).isFalse();
	}

	@Test
	void anInstanceThatDoesNotLeadNeverStartsTheRouteWhateverItsRenewals() throws Exception {
		this.sinceRenewal = Duration.ofMillis(100);
		this.pollers.checkRenewals();
		this.sinceRenewal = Duration.ofSeconds(30);
		this.pollers.checkRenewals();
		verify(this.routes, never()).startRoute("mail-intake");
		assertThat(leader()).isZero();
	}

	@Test
	void aHeartbeatTooSlowForTheLockIsRefusedAtStart() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new LeaderSettings(Duration.ofSeconds(10), Duration.ofSeconds(4), Duration.ofMillis(500)))
			.hasMessageContaining("gateway.intake.leader.heartbeat");
	}

	private double leader() {
		return this.meters.get("gateway.intake.leader").tag("mailbox", "default").gauge().value();
	}

	private double changes(String event) {
		return this.meters.get("gateway.intake.leader.changes").tag("mailbox", "default").tag("event", event)
			.counter()
			.count();
	}

}
