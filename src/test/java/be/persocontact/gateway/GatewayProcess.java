package be.persocontact.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The gateway as a JVM of its own, run the way an operator runs it: its own working directory (routes
 * and mail templates copied in, {@code data/} beneath, all defaults), its own free ports, its console
 * captured in a log file under {@code target/gateway-process/}. {@link #stop()} is a normal stop
 * (SIGTERM: shutdown hooks run), {@link #kill()} is {@code kill -9} of the JVM alone (its MariaDB is
 * left running, as after a crash). Runs the packaged jar when {@code -Dgateway.process.jar} names one,
 * else {@code target/classes} on the runtime classpath Maven wrote to {@code target/runtime-classpath.txt}
 * (no test classes or test jars).
 *
 * <pre>
 * try (GatewayProcess.Installation installation = GatewayProcess.installIn(dir)) {
 *     GatewayProcess gateway = installation.start("--gateway.ops.token=…");
 *     gateway.sendMail(raw, "anna@example.org");
 *     gateway.stop();
 * }
 * </pre>
 */
public final class GatewayProcess {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

	private static final Path PROJECT = Path.of("").toAbsolutePath();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Process process;

	private final Path log;

	private final int httpPort;

	private final int smtpPort;

	private final int imapPort;

	private GatewayProcess(Process process, Path log, int httpPort, int smtpPort, int imapPort) {
		this.process = process;
		this.log = log;
		this.httpPort = httpPort;
		this.smtpPort = smtpPort;
		this.imapPort = imapPort;
	}

	/** A working directory for gateways to run in, one after the other, on the same {@code data/}. */
	public static Installation installIn(Path dir) throws IOException {
		Files.createDirectories(dir);
		copyTree(PROJECT.resolve("routes"), dir.resolve("routes"));
		copyTree(PROJECT.resolve("mail-templates"), dir.resolve("mail-templates"));
		Path logs = Files.createDirectories(PROJECT.resolve("target/gateway-process").resolve(dir.getFileName()));
		return new Installation(dir.toAbsolutePath(), logs);
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public int httpPort() {
		return this.httpPort;
	}

	public int smtpPort() {
		return this.smtpPort;
	}

	public int imapPort() {
		return this.imapPort;
	}

	/** {@code http://127.0.0.1:<port>} followed by the path. */
	public URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.httpPort + path);
	}

	/** Everything the gateway wrote to its console so far. */
	public String log() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path logFile() {
		return this.log;
	}

	/** A normal stop: SIGTERM, shutdown hooks run. Returns the exit code; fails if the JVM is still there after 2 min. */
	public int stop() {
		this.process.destroy();
		return awaitExit("SIGTERM");
	}

	/** {@code kill -9} of the gateway's JVM alone: no shutdown hook runs, its MariaDB is left running. */
	public int kill() {
		this.process.destroyForcibly();
		return awaitExit("SIGKILL");
	}

	/** GET with an optional bearer token. */
	public HttpResponse<String> get(String path, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30)).GET();
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sends the mail as written (CRLF line ends added) over SMTP to the gateway's embedded mail server. */
	public void sendMail(String rawMail, String envelopeRecipient) {
		Session session = Session.getInstance(new Properties());
		try (Transport transport = session.getTransport("smtp")) {
			MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(
					rawMail.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
			transport.connect("127.0.0.1", this.smtpPort, null, null);
			transport.sendMessage(message, new InternetAddress[] { new InternetAddress(envelopeRecipient) });
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send mail to the gateway on SMTP port " + this.smtpPort, ex);
		}
	}

	/** The mails in an address's inbox on the embedded mail server (any password is accepted), read whole. */
	public List<MimeMessage> inbox(String address) {
		Session session = Session.getInstance(new Properties());
		try (Store store = session.getStore("imap")) {
			store.connect("127.0.0.1", this.imapPort, address, "any");
			Folder inbox = store.getFolder("INBOX");
			if (!inbox.exists()) {
				return List.of();
			}
			inbox.open(Folder.READ_ONLY);
			try {
				List<MimeMessage> mails = new ArrayList<>();
				for (Message message : inbox.getMessages()) {
					ByteArrayOutputStream raw = new ByteArrayOutputStream();
					message.writeTo(raw);
					mails.add(new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray())));
				}
				return mails;
			}
			finally {
				inbox.close(false);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not read " + address + " on IMAP port " + this.imapPort, ex);
		}
	}

	private int awaitExit(String signal) {
		try {
			if (!this.process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
				throw new AssertionError("The gateway (pid " + pid() + ") was still running " + STOP_TIMEOUT
						+ " after " + signal + "; killed. Log: " + this.log + "\n" + tail());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return this.process.exitValue();
	}

	/** The last 60 lines of the log, for failure messages. */
	public String tail() {
		List<String> lines = log().lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
	}

	/**
	 * A port free now, below Linux's range of ephemeral ports (32768 and up by default). A port the kernel
	 * handed out with bind(0) is in that range, and while a restarted gateway's JVM takes its 20 to 30 s to
	 * bind it, any outgoing connection on the machine may be given it as its local port: CI once saw the
	 * restarted gateway fail to start on that. Below the range only a deliberate bind can take it.
	 */
	private static int freePort() {
		for (int attempt = 0; attempt < 200; attempt++) {
			int port = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
			try (ServerSocket socket = new ServerSocket()) {
				socket.setReuseAddress(true);
				socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
				return port;
			}
			catch (IOException taken) {
				// another one
			}
		}
		throw new IllegalStateException("No free port found between 20000 and 32000");
	}

	private static List<String> launchCommand() throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// a short-lived test JVM on a small, shared machine: quick start rather than peak speed
		List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		String jar = System.getProperty("gateway.process.jar");
		if (jar != null && !jar.isBlank()) {
			command.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
			return command;
		}
		Path classpathFile = PROJECT.resolve("target/runtime-classpath.txt");
		if (!Files.exists(classpathFile)) {
			throw new IllegalStateException(classpathFile + " is missing: run the tests through Maven "
					+ "(maven-dependency-plugin writes it in generate-test-resources), or set -Dgateway.process.jar");
		}
		String classpath = PROJECT.resolve("target/classes") + File.pathSeparator
				+ Files.readString(classpathFile, StandardCharsets.UTF_8).strip();
		command.addAll(List.of("-cp", classpath, "be.persocontact.gateway.GatewayApplication"));
		return command;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path source : paths.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	/**
	 * A working directory with {@code routes/}, {@code mail-templates/} and, once a gateway has run,
	 * {@code data/}. Closing it stops a gateway still running, stops a MariaDB a killed gateway left
	 * behind, and deletes the directory (the logs stay under {@code target/gateway-process/}).
	 */
	public static final class Installation implements AutoCloseable {

		private final Path dir;

		private final Path logs;

		private final AtomicInteger starts = new AtomicInteger();

		private final List<GatewayProcess> started = new ArrayList<>();

		private Installation(Path dir, Path logs) {
			this.dir = dir;
			this.logs = logs;
		}

		public Path dir() {
			return this.dir;
		}

		/** Where the gateway keeps its data by default: {@code <dir>/data}. */
		public Path dataDir() {
			return this.dir.resolve("data");
		}

		/**
		 * Starts a gateway here with fresh free ports and the given extra arguments; returns once
		 * {@code /actuator/health} answers 200, or fails with the log's end.
		 */
		public GatewayProcess start(String... arguments) throws IOException {
			int http = freePort();
			int smtp = freePort();
			int imap = freePort();
			List<String> command = launchCommand();
			command.addAll(List.of("--server.port=" + http, "--gateway.public-base-url=http://127.0.0.1:" + http,
					"--gateway.embedded.mail.smtp-port=" + smtp, "--gateway.embedded.mail.imap-port=" + imap));
			command.addAll(Arrays.asList(arguments));
			Path log = this.logs.resolve("gateway-" + this.starts.incrementAndGet() + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).directory(this.dir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			// nothing from this machine's environment may point the gateway elsewhere
			builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("GATEWAY_")
					|| name.startsWith("MANAGEMENT_") || name.equals("SERVER_PORT"));
			GatewayProcess gateway = new GatewayProcess(builder.start(), log, http, smtp, imap);
			this.started.add(gateway);
			gateway.awaitHealthy();
			return gateway;
		}

		/** The {@code mariadbd} processes serving this installation's database, if any. */
		public List<ProcessHandle> databaseProcesses() {
			String dataDirArgument = "--datadir=" + dataDir().resolve("mariadb");
			return ProcessHandle.allProcesses()
				.filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
				.filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(dataDirArgument)).orElse(false))
				.toList();
		}

		@Override
		public void close() throws IOException {
			for (GatewayProcess gateway : this.started) {
				if (gateway.isAlive()) {
					try {
						gateway.stop();
					}
					catch (AssertionError notStopped) {
						// killed by stop() itself; go on cleaning up
					}
				}
			}
			for (ProcessHandle leftOver : databaseProcesses()) {
				leftOver.destroy();
				leftOver.onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(timeout -> null).join();
				if (leftOver.isAlive()) {
					leftOver.destroyForcibly();
				}
			}
			try (Stream<Path> paths = Files.walk(this.dir)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(path);
				}
			}
		}

	}

	private void awaitHealthy() {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new AssertionError("The gateway exited (" + this.process.exitValue() + ") while starting. Log: "
						+ this.log + "\n" + tail());
			}
			try {
				HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(url("/actuator/health"))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		this.process.destroyForcibly();
		throw new AssertionError("The gateway was not healthy within " + START_TIMEOUT + ". Log: " + this.log + "\n"
				+ tail());
	}

}
