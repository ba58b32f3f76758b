package be.persocontact.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

/**
 * A throw-away Dovecot (Debian's dovecot-imapd) on 127.0.0.1 with a Maildir in the temp dir: the
 * production IMAP server the gateway must work with, beside GreenMail's convenience. Any password is
 * "secret" ({@link #start()}), or only OAuth2 bearer tokens are taken ({@link #startWithOAuth2});
 * mail is stored as the unprivileged user nobody, as Dovecot refuses root.
 */
final class DovecotServer implements AutoCloseable {

	static final Path BINARY = Path.of("/usr/sbin/dovecot");

	static final Path DOVEADM = Path.of("/usr/bin/doveadm");

	/** The submission service's program, Debian's dovecot-submissiond. */
	static final Path SUBMISSION = Path.of("/usr/lib/dovecot/submission");

	final int port;

	/** The submission (SMTP) port, or -1 when it does not run. */
	final int submissionPort;

	final Path home;

	private final Path config;

	private DovecotServer(int port, int submissionPort, Path home, Path config) {
		this.port = port;
		this.submissionPort = submissionPort;
		this.home = home;
		this.config = config;
	}

	static boolean isInstalled() {
		return Files.isExecutable(BINARY);
	}

	static DovecotServer start() throws Exception {
		return start(dir -> """
				protocols = imap
				auth_mechanisms = plain login
				passdb {
				  driver = static
				  args = password=secret
				}
				""", false);
	}

	/**
	 * Dovecot signing in with OAuth2 bearer tokens only (SASL XOAUTH2 and OAUTHBEARER, no password), each
	 * token checked at {@code introspectionUrl} (RFC 7662, POST); with its submission service (Debian's
	 * dovecot-submissiond), which takes the same tokens and relays what it accepts to 127.0.0.1:{@code relayPort}.
	 */
	static DovecotServer startWithOAuth2(String introspectionUrl, int relayPort) throws Exception {
		return start(dir -> {
			Files.writeString(dir.resolve("oauth2.conf.ext"), """
					introspection_mode = post
					introspection_url = %s
					username_attribute = username
					active_attribute = active
					active_value = true
					force_introspection = yes
					""".formatted(introspectionUrl));
			return """
					protocols = imap submission
					auth_mechanisms = xoauth2 oauthbearer
					auth_failure_delay = 0
					# no growing delay after failed sign-ins from 127.0.0.1 (Dovecot's auth penalty): tests fail on purpose
					login_trusted_networks = 127.0.0.0/8
					hostname = dovecot.persocontact.test
					submission_relay_host = 127.0.0.1
					submission_relay_port = %d
					submission_relay_trusted = yes
					submission_relay_ssl = no
					passdb {
					  driver = oauth2
					  mechanisms = xoauth2 oauthbearer
					  args = %s
					}
					""".formatted(relayPort, dir.resolve("oauth2.conf.ext"));
		}, true);
	}

	private interface AuthConfig {

		String write(Path dir) throws IOException;

	}

	private static DovecotServer start(AuthConfig auth, boolean submission) throws Exception {
		// in the system temp dir, not under the checkout: Dovecot's unprivileged user must be able to reach
		// its Maildir, and a checkout may live in a directory only root can enter
		Path dir = Files.createTempDirectory("persocontact-dovecot-");
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path home = Files.createDirectories(dir.resolve("mail"));
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
		Files.createDirectories(dir.resolve("run"));
		Files.createDirectories(dir.resolve("state"));
		int port = freePort();
		int submissionPort = submission ? freePort() : -1;
		Path config = dir.resolve("dovecot.conf");
		Files.writeString(config, """
				listen = 127.0.0.1
				base_dir = %1$s/run
				state_dir = %1$s/state
				log_path = %1$s/dovecot.log
				ssl = no
				disable_plaintext_auth = no
				default_login_user = dovenull
				default_internal_user = dovecot
				first_valid_uid = 1
				%3$s
				userdb {
				  driver = static
				  args = uid=nobody gid=nogroup home=%1$s/mail/%%u
				}
				mail_location = maildir:~/Maildir
				service imap-login {
				  chroot =
				  inet_listener imap {
				    address = 127.0.0.1
				    port = %2$d
				  }
				}
				service anvil {
				  chroot =
				}
				""".formatted(dir, port, auth.write(dir)) + (submission ? """
				service submission-login {
				  chroot =
				  inet_listener submission {
				    address = 127.0.0.1
				    port = %d
				  }
				}
				""".formatted(submissionPort) : ""));
		Process process = new ProcessBuilder(BINARY.toString(), "-c", config.toString()).inheritIO().start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("dovecot did not start; see " + dir.resolve("dovecot.log"));
		}
		awaitListening(port, dir);
		if (submission) {
			awaitListening(submissionPort, dir);
		}
		return new DovecotServer(port, submissionPort, home, config);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void awaitListening(int port, Path dir) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			try (java.net.Socket probe = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException("dovecot did not listen on " + port + "; see " + dir.resolve("dovecot.log"));
	}

	/** Ends every session of the user, as a server restart or an idle timeout would: clients must sign in again. */
	void kick(String user) throws Exception {
		new ProcessBuilder(DOVEADM.toString(), "-c", this.config.toString(), "kick", user).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start()
			.waitFor();
	}

	@Override
	public void close() throws Exception {
		new ProcessBuilder(BINARY.toString(), "-c", this.config.toString(), "stop").inheritIO().start().waitFor();
		try (java.util.stream.Stream<Path> files = Files.walk(this.config.getParent())) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

}
