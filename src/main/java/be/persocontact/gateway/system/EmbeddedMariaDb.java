package be.persocontact.gateway.system;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;

/**
 * An embedded MariaDB server whose data directory survives restarts, wherever it lies (also under
 * the system temp folder). One server runs per data directory and JVM; every Spring context that uses
 * it holds a reference, and the server stops when the last one is released: as the context closes,
 * after the datasource and everything using it are gone (a failed start-up included, so the JVM can
 * exit). There is no JVM shutdown hook of its own racing Spring's: a server no context released is
 * stopped by a Spring Boot shutdown handler, which runs after every application context has closed.
 * A server left behind by a killed JVM is recognised by its pid file and stopped before a new one
 * starts; a data directory in use by another living JVM is refused.
 */
public final class EmbeddedMariaDb {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

	private static final Map<String, EmbeddedMariaDb> RUNNING = new HashMap<>();

	private static boolean shutdownHandlerAdded;

	private final String key;

	private final MariaDbProcess process;

	private final FileLock lock;

	private final int port;

	private int users;

	private boolean stopped;

	private EmbeddedMariaDb(String key, MariaDbProcess process, FileLock lock, int port) {
		this.key = key;
		this.process = process;
		this.lock = lock;
		this.port = port;
	}

	/** Returns the server for this data directory, starting it on the given port if none runs yet. */
	public static synchronized EmbeddedMariaDb acquire(File baseDir, File dataDir, int port) {
		String key = dataDir.getAbsolutePath();
		EmbeddedMariaDb server = RUNNING.get(key);
		if (server == null) {
			server = start(key, baseDir, dataDir, port);
			RUNNING.put(key, server);
			if (!shutdownHandlerAdded) {
				SpringApplication.getShutdownHandlers().add(EmbeddedMariaDb::stopAllAfterContextsClosed);
				shutdownHandlerAdded = true;
			}
		}
		server.users++;
		return server;
	}

	/** The port of the server already running on this data directory in this JVM, if one is. */
	public static synchronized OptionalInt runningPort(File dataDir) {
		EmbeddedMariaDb server = RUNNING.get(dataDir.getAbsolutePath());
		return server == null ? OptionalInt.empty() : OptionalInt.of(server.port);
	}

	/** Gives back one reference; the last one stops the server. */
	public void release() {
		synchronized (EmbeddedMariaDb.class) {
			if (this.users == 0 || --this.users > 0) {
				return;
			}
			RUNNING.remove(this.key, this);
		}
		stop();
	}

	public int port() {
		return this.port;
	}

	private void stop() {
		synchronized (this) {
			if (this.stopped) {
				return;
			}
			this.stopped = true;
		}
		long started = System.nanoTime();
		this.process.stop(STOP_TIMEOUT);
		try {
			this.lock.channel().close();
		}
		catch (IOException ex) {
			log.warn("Could not release the lock of {}", this.key, ex);
		}
		log.info("Embedded MariaDB on port {} stopped in {} ms", this.port, (System.nanoTime() - started) / 1_000_000);
	}

	/** Spring Boot runs this after its shutdown hook has closed every context: nothing uses a server any more. */
	private static void stopAllAfterContextsClosed() {
		List<EmbeddedMariaDb> left;
		synchronized (EmbeddedMariaDb.class) {
			left = new ArrayList<>(RUNNING.values());
			RUNNING.clear();
		}
		left.forEach(EmbeddedMariaDb::stop);
	}

	private static EmbeddedMariaDb start(String key, File baseDir, File dataDir, int port) {
		long started = System.nanoTime();
		FileLock lock;
		try {
			lock = MariaDbProcess.lock(dataDir.toPath());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot lock the embedded database directory " + dataDir, ex);
		}
		try {
			MariaDbProcess.stopLeftOver(dataDir.toPath());
			MariaDbProcess process = MariaDbProcess.start(baseDir.toPath(), dataDir.toPath(), port, READY_TIMEOUT);
			log.info("Embedded MariaDB started on 127.0.0.1:{} (data in {}, scratch in {}) in {} ms", port,
					dataDir.getAbsolutePath(), process.scratch(), (System.nanoTime() - started) / 1_000_000);
			return new EmbeddedMariaDb(key, process, lock, port);
		}
		catch (IOException | RuntimeException ex) {
			try {
				lock.channel().close();
			}
			catch (IOException closing) {
				ex.addSuppressed(closing);
			}
			throw new IllegalStateException("Embedded MariaDB could not start in " + dataDir
					+ ". Configure SPRING_DATASOURCE_URL to use an external server.", ex);
		}
	}

}
