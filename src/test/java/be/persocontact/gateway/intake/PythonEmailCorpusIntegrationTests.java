package be.persocontact.gateway.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import be.persocontact.gateway.DebianPackages;
import be.persocontact.gateway.MailIntegrationTestSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail nobody on this project wrote: the sample messages of CPython's email package tests (Debian's
 * {@code libpython3.N-testsuite}), gathered from twenty years of bug reports: digests, delivery reports,
 * forwarded messages, missing boundaries, headers without a body separator, no sender at all. Each goes
 * through the intake as the corpus of {@code src/test/resources/mail} does and must end as reviewed here;
 * a message a later Python adds must at least end with an outcome. Run against them first, they showed two
 * losses: the text of a mail that is one enclosed message, and a body written without the blank line.
 */
@EnabledIf("corpusInstalled")
// the same settings as MailFixtureCorpusIntegrationTests, so that both run in one application context
@TestPropertySource(properties = { "gateway.intake.trusted-authserv-ids=mx.persocontact.local",
		"gateway.intake.new-tickets-per-sender=1000" })
class PythonEmailCorpusIntegrationTests extends MailIntegrationTestSupport {

	private static final String PACKAGE = "libpython3.11-testsuite";

	/** Reviewed one by one; the reason is in the outcome's name or in the comment. */
	private static final Map<String, String> OUTCOMES = Map.ofEntries(entry("msg_01", "TICKET_CREATED"),
			// a Mailman digest from the list's -request address
			entry("msg_02", "IGNORED_AUTO_REPLY"), entry("msg_03", "TICKET_CREATED"), entry("msg_04", "TICKET_CREATED"),
			// a delivery report whose From has no address
			entry("msg_05", "IGNORED_BOUNCE"),
			// one enclosed message (its own text is empty)
			entry("msg_06", "TICKET_CREATED"), entry("msg_07", "TICKET_CREATED"), entry("msg_08", "TICKET_CREATED"),
			entry("msg_09", "TICKET_CREATED"), entry("msg_10", "TICKET_CREATED"),
			// no From, Sender nor Return-Path: held for the operator
			entry("msg_11", "QUARANTINED"), entry("msg_12", "TICKET_CREATED"), entry("msg_12a", "TICKET_CREATED"),
			entry("msg_13", "TICKET_CREATED"), entry("msg_14", "TICKET_CREATED"), entry("msg_15", "TICKET_CREATED"),
			entry("msg_16", "IGNORED_BOUNCE"), entry("msg_17", "TICKET_CREATED"), entry("msg_18", "QUARANTINED"),
			entry("msg_19", "QUARANTINED"), entry("msg_20", "TICKET_CREATED"), entry("msg_21", "TICKET_CREATED"),
			entry("msg_22", "TICKET_CREATED"), entry("msg_23", "TICKET_CREATED"), entry("msg_24", "TICKET_CREATED"),
			entry("msg_25", "IGNORED_BOUNCE"), entry("msg_26", "TICKET_CREATED"), entry("msg_27", "TICKET_CREATED"),
			entry("msg_28", "TICKET_CREATED"), entry("msg_29", "TICKET_CREATED"), entry("msg_30", "TICKET_CREATED"),
			entry("msg_31", "TICKET_CREATED"),
			// mailing-list posts ("Precedence: bulk")
			entry("msg_32", "IGNORED_BULK"), entry("msg_33", "IGNORED_BULK"), entry("msg_34", "TICKET_CREATED"),
			// the body follows the headers without a blank line
			entry("msg_35", "TICKET_CREATED"),
			// an announcement with no mark of machine mail: a person could write the same
			entry("msg_36", "TICKET_CREATED"), entry("msg_37", "QUARANTINED"), entry("msg_38", "QUARANTINED"),
			entry("msg_39", "QUARANTINED"), entry("msg_40", "QUARANTINED"), entry("msg_41", "TICKET_CREATED"),
			// "Mail Delivery Subsystem" returning a message
			entry("msg_42", "IGNORED_BOUNCE"), entry("msg_43", "IGNORED_BOUNCE"), entry("msg_44", "TICKET_CREATED"),
			entry("msg_45", "TICKET_CREATED"),
			// GroupWise's forward: the whole mail is one enclosed message
			entry("msg_46", "TICKET_CREATED"));

	private static final AtomicLong UIDS = new AtomicLong();

	@Autowired
	MailIntake intake;

	static boolean corpusInstalled() {
		return DebianPackages.installedData("PythonEmailCorpusIntegrationTests", PACKAGE, corpus());
	}

	@TestFactory
	Stream<DynamicTest> everyMessageEndsAsReviewed() throws IOException {
		return messages().stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
			String outcome = receive(file);
			String expected = OUTCOMES.get(name(file));
			if (expected != null) {
				assertThat(outcome).as(name(file)).isEqualTo(expected);
			}
			else {
				assertThat(outcome).as(name(file) + ", new in this Python").isNotIn("RECEIVED", "FAILED");
			}
		}));
	}

	@Test
	void theCorpusIsTheOneReviewed() throws IOException {
		assertThat(messages().stream().map(PythonEmailCorpusIntegrationTests::name))
			.containsAll(OUTCOMES.keySet());
	}

	@Test
	void aBodyWrittenWithoutTheBlankLineIsTheTicketsText() throws IOException {
		String number = ticketOf(receive(corpus().resolve("msg_35.txt")), "msg_35");

		assertThat(requesterText(number)).isEqualTo("counter to RFC 2822, there's no separating newline here");
	}

	@Test
	void aMailThatIsOneEnclosedMessageShowsThatMessagesText() throws IOException {
		String number = ticketOf(receive(corpus().resolve("msg_46.txt")), "msg_46");

		assertThat(requesterText(number)).isEqualTo("Testing email forwarding with Groupwise 1.2.2010");
	}

	private String receive(Path file) throws IOException {
		this.intake.receive(new RawMail("python-corpus@test/INBOX", 1L, UIDS.incrementAndGet(), Files.readAllBytes(file)));
		return this.jdbc.queryForObject("SELECT outcome FROM inbound_message WHERE mailbox = ? AND uid = ?", String.class,
				"python-corpus@test/INBOX", UIDS.get());
	}

	private String ticketOf(String outcome, String message) {
		// the dynamic test may have fed the same bytes first: then this copy is its duplicate, with its ticket
		assertThat(outcome).as(message).isIn("TICKET_CREATED", "DUPLICATE");
		return this.jdbc.queryForObject("SELECT COALESCE(first.ticket_number, m.ticket_number) FROM inbound_message m "
				+ "LEFT JOIN inbound_message first ON first.id = m.duplicate_of WHERE m.mailbox = ? AND m.uid = ?",
				String.class, "python-corpus@test/INBOX", UIDS.get());
	}

	private String requesterText(String number) {
		return timeline(number, "REQUESTER_MESSAGE").get(0).strip();
	}

	/** The newest Python's corpus where several are installed. */
	private static Path corpus() {
		Path lib = Path.of("/usr/lib");
		try (Stream<Path> pythons = Files.list(lib)) {
			return pythons.filter(dir -> dir.getFileName().toString().matches("python3\\.\\d+"))
				.max(Comparator.comparingInt(dir -> Integer.parseInt(dir.getFileName().toString().substring(8))))
				.orElse(lib.resolve("python3"))
				.resolve("test/test_email/data");
		}
		catch (IOException ex) {
			return lib.resolve("python3/test/test_email/data");
		}
	}

	private static List<Path> messages() throws IOException {
		try (Stream<Path> files = Files.list(corpus())) {
			return files.filter(file -> file.getFileName().toString().matches("msg_\\w+\\.txt")).sorted().toList();
		}
	}

	private static String name(Path file) {
		return file.getFileName().toString().replaceFirst("\\.txt$", "");
	}

}
