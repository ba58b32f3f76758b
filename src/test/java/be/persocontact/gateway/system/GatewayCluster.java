package be.persocontact.gateway.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import be.persocontact.gateway.GatewayProcess;
import be.persocontact.gateway.MailServerFixture;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Several gateway JVMs ({@link GatewayProcess}) on one database and one mail server, as production runs
 * them: a MariaDB server this test support starts ({@link MariaDbProcess}, binaries shared with the other
 * tests) and a GreenMail in the test's JVM that every gateway polls and sends through. Each gateway has a
 * working directory of its own; they share the database, the mailbox and the link secret.
 */
final class GatewayCluster implements AutoCloseable {

	static final String HELPDESK = "helpdesk@persocontact.local";

	static final String OPS_TOKEN = "cluster-test-operator-token-0123456789";

	private static final Path PROJECT = Path.of("").toAbsolutePath();

	private final Path root;

	private final MariaDbProcess database;

	private final int databasePort;

	private final GreenMail greenMail;

	private final MailServerFixture mail;

	private final String secret = Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32));

	private final List<GatewayProcess.Installation> installations = new ArrayList<>();

	GatewayCluster(String name) throws IOException {
		this.root = Files.createDirectories(PROJECT.resolve("target/gateway-cluster"))
			.resolve(name + "-" + System.currentTimeMillis());
		this.databasePort = freePort();
		this.database = MariaDbProcess.start(PROJECT.resolve("target/test-data/mariadb-server"),
				this.root.resolve("mariadb"), this.databasePort, Duration.ofMinutes(3));
		int smtp = freePort();
		int imap = freePort();
		this.greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
				new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) })
			.withConfiguration(GreenMailConfiguration.aConfig()
				.withDisabledAuthentication()
				.withSieveIgnoreDetail()
				.withUser(HELPDESK, HELPDESK, "helpdesk"));
		this.greenMail.start();
		this.mail = new MailServerFixture(this.greenMail, smtp);
	}

	/** A new, empty database on the shared server, for the gateways given its name. */
	JdbcTemplate createDatabase(String name) {
		JdbcTemplate server = jdbc("");
		server.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		return jdbc(name);
	}

	JdbcTemplate jdbc(String database) {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(),
				"jdbc:mariadb://127.0.0.1:" + this.databasePort + "/" + database, "root", "");
		return new JdbcTemplate(dataSource);
	}

	MailServerFixture mail() {
		return this.mail;
	}

	GreenMail greenMail() {
		return this.greenMail;
	}

	/** A working directory for one gateway (and its restarts). */
	GatewayProcess.Installation install(String name) throws IOException {
		GatewayProcess.Installation installation = GatewayProcess.installIn(this.root.resolve(name));
		this.installations.add(installation);
		return installation;
	}

	int databasePort() {
		return this.databasePort;
	}

	/** The settings every gateway of the cluster shares, then the extra ones. */
	String[] arguments(String database, String... extra) {
		return arguments(database, this.databasePort, extra);
	}

	/** The same, reaching the database on another port (a {@link be.persocontact.gateway.TcpProxy} to it). */
	String[] arguments(String database, int databasePort, String... extra) {
		List<String> arguments = new ArrayList<>(List.of(
				"--spring.datasource.url=jdbc:mariadb://127.0.0.1:" + databasePort + "/" + database,
				"--spring.datasource.username=root", "--spring.datasource.password=",
				"--gateway.mail.host=127.0.0.1", "--gateway.mail.imap-protocol=imap",
				"--gateway.mail.imap-port=" + this.greenMail.getImap().getPort(), "--gateway.mail.smtp-protocol=smtp",
				"--gateway.mail.smtp-port=" + this.greenMail.getSmtp().getPort(),
				// GreenMail writes no Authentication-Results: nobody's mail could act otherwise (not needed here)
				"--gateway.intake.trust-unauthenticated-mail=true", "--gateway.access.secret=" + this.secret,
				"--gateway.ops.token=" + OPS_TOKEN, "--logging.level.org.apache.camel.component.mail=ERROR"));
		arguments.addAll(List.of(extra));
		return arguments.toArray(String[]::new);
	}

	@Override
	public void close() throws IOException {
		for (GatewayProcess.Installation installation : this.installations) {
			try {
				installation.close();
			}
			catch (IOException | RuntimeException | AssertionError ignored) {
				// go on: the database and the mail server must stop
			}
		}
		this.greenMail.stop();
		this.database.stop(Duration.ofSeconds(60));
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
