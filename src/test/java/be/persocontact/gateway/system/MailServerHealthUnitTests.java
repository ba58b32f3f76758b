package be.persocontact.gateway.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mailServer health stays cheap: probes within the interval get the last answer without a new
 * connection, and a server that accepts but never speaks IMAP costs at most the timeout.
 */
class MailServerHealthUnitTests {

	private final AtomicInteger connections = new AtomicInteger();

	private ServerSocket server;

	@AfterEach
	void stopServer() throws IOException {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void probesWithinTheIntervalReuseTheLastAnswerWithoutConnectingAgain() throws Exception {
		int port = silentServer();
		Instant[] now = { Instant.parse("2026-12-07T09:00:00Z") };
		MailServerHealth health = new MailServerHealth(settings(port), MailSignIn.withPassword(settings(port)),
				Duration.ofSeconds(15), Duration.ofMillis(300), clock(now));

		long started = System.nanoTime();
		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		now[0] = now[0].plusSeconds(14);
		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.connections.get()).isOne();

		now[0] = now[0].plusSeconds(2);
		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.connections.get()).isEqualTo(2);
	}

	/** Accepts connections and answers nothing, not even the IMAP greeting. */
	private int silentServer() throws IOException {
		this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
		Thread accepting = new Thread(() -> {
			while (!this.server.isClosed()) {
				try {
					this.server.accept(); // kept open, silent
					this.connections.incrementAndGet();
				}
				catch (IOException closed) {
					return;
				}
			}
		});
		accepting.setDaemon(true);
		accepting.start();
		return this.server.getLocalPort();
	}

	private static MailServerSettings settings(int port) {
		return new MailServerSettings("127.0.0.1", "imap", port, "smtp", 25, "helpdesk@persocontact.local", "secret",
				"helpdesk@persocontact.local", "INBOX", "Processed", "Quarantine", null, false, null, null, null, null);
	}

	private static Clock clock(Instant[] now) {
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now[0];
			}

		};
	}

}
