package be.persocontact.gateway;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The waits of every test in this JVM, as the session listener sets them up: a thread of the test mail server
 * dying does not fail a wait, any other thread dying does.
 */
class TestMailServerThreadsUnitTests {

	@Test
	void aWaitOutlivesTheTestMailServerLosingAThread() {
		IllegalStateException race = new IllegalStateException("Need to do this properly...");
		race.setStackTrace(new StackTraceElement[] {
				new StackTraceElement("com.icegreen.greenmail.imap.ImapSessionFolder", "getExpunged", null, 1),
				new StackTraceElement("com.icegreen.greenmail.imap.ImapHandler", "run", null, 1),
				new StackTraceElement("java.lang.Thread", "run", null, 1) });
		AtomicBoolean done = new AtomicBoolean();

		assertThatCode(() -> await().atMost(Duration.ofSeconds(5)).until(() -> {
			dieInNewThread(race);
			done.set(true);
			return done.get();
		})).doesNotThrowAnyException();
	}

	@Test
	void aWaitStillFailsWhenAnyOtherThreadDies() {
		IllegalStateException failure = new IllegalStateException("a gateway thread died");
		failure.setStackTrace(new StackTraceElement[] {
				new StackTraceElement("be.persocontact.gateway.intake.mail.MailIntake", "process", null, 1),
				new StackTraceElement("java.util.concurrent.ThreadPoolExecutor$Worker", "run", null, 1),
				new StackTraceElement("org.apache.camel.support.DefaultScheduledPollConsumer", "run", null, 1),
				new StackTraceElement("java.lang.Thread", "run", null, 1) });

		assertThatThrownBy(() -> await().atMost(Duration.ofSeconds(5)).until(() -> {
			dieInNewThread(failure);
			return false;
		})).hasMessage("a gateway thread died");
	}

	private static void dieInNewThread(RuntimeException exception) throws InterruptedException {
		CountDownLatch died = new CountDownLatch(1);
		Thread thread = new Thread(() -> {
			try {
				throw exception;
			}
			finally {
				died.countDown();
			}
		});
		thread.start();
		died.await();
		thread.join();
	}

}
