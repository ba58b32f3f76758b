package be.persocontact.gateway;

import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Keeps the test mail server's own failures out of the tests' waits. While an {@code await()} runs, Awaitility
 * rethrows any thread's uncaught exception, and GreenMail's IMAP server has races of its own (a {@code UID MOVE}
 * answered while another session expunged dies with "Need to do this properly..."). Such a failure is the test
 * server's, not the gateway's: the gateway sees a dropped connection and copes, which the tests check by their
 * outcomes. An exception from any other thread, the gateway's above all, still fails the wait.
 */
public class TestMailServerThreads implements LauncherSessionListener {

	/** Registered as a service, so that it runs once per test JVM before any test. */
	@Override
	public void launcherSessionOpened(LauncherSession session) {
		Awaitility.ignoreExceptionsByDefaultMatching(diedInTestMailServer());
	}

	/**
	 * True for a throwable that ended a thread the test mail server started for a client: the outermost frame
	 * not of the JDK is GreenMail's. An exception thrown in a condition has the test's frames outermost.
	 */
	static Predicate<Throwable> diedInTestMailServer() {
		return (thrown) -> {
			StackTraceElement[] frames = thrown.getStackTrace();
			for (int i = frames.length - 1; i >= 0; i--) {
				String type = frames[i].getClassName();
				if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
					return type.startsWith("com.icegreen.greenmail.");
				}
			}
			return false;
		};
	}

}
