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
 * "secret"; mail is stored as the unprivileged user nobody, as Dovecot refuses root.
 */
final class DovecotServer implements AutoCloseable {

	static final Path BINARY = Path.of("/usr/sbin/dovecot");

	final int port;

	final Path home;

	private final Path config;

	private DovecotServer(int port, Path home, Path config) {
		this.port = port;
		this.home = home;
		this.config = config;
	}

	static boolean isInstalled() {
		return Files.isExecutable(BINARY);
	}

	static DovecotServer start() throws Exception {
		// in the system temp dir, not under the checkout: Dovecot's unprivileged user must be able to reach
		// its Maildir, and a checkout may live in a directory only root can enter
		Path dir = Files.createTempDirectory("persocontact-dovecot-");
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path home = Files.createDirectories(dir.resolve("mail"));
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
		Files.createDirectories(dir.resolve("run"));
		Files.createDirectories(dir.resolve("state"));
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		Path config = dir.resolve("dovecot.conf");
		Files.writeString(config, """
				protocols = imap
				listen = 127.0.0.1
				base_dir = %1$s/run
				state_dir = %1$s/state
				log_path = %1$s/dovecot.log
				ssl = no
				disable_plaintext_auth = no
				auth_mechanisms = plain login
				default_login_user = dovenull
				default_internal_user = dovecot
				first_valid_uid = 1
				passdb {
				  driver = static
				  args = password=secret
				}
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
				""".formatted(dir, port));
		Process process = new ProcessBuilder(BINARY.toString(), "-c", config.toString()).inheritIO().start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("dovecot did not start; see " + dir.resolve("dovecot.log"));
		}
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			try (java.net.Socket probe = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
				return new DovecotServer(port, home, config);
			}
			catch (IOException notYet) {
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException("dovecot did not listen on " + port);
	}

	@Override
	public void close() throws Exception {
		new ProcessBuilder(BINARY.toString(), "-c", this.config.toString(), "stop").inheritIO().start().waitFor();
		try (java.util.stream.Stream<Path> files = Files.walk(this.config.getParent())) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

}
