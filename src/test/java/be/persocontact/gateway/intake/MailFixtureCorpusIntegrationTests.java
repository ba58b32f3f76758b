package be.persocontact.gateway.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import be.persocontact.gateway.MailIntegrationTestSupport;
import be.persocontact.gateway.mime.MailPart;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mail of the corpus in {@code src/test/resources/mail/} goes through the intake and must end as
 * its golden {@code <name>.expected.json} beside it says. Run with {@code -Dfixtures.update=true} to
 * rewrite the goldens from what the code does now, then review them with {@code git diff}.
 * <p>
 * Placeholders in a fixture, replaced before it is fed: {@code HRB_SEED} (a ticket the test opens first
 * for the fixture's sender), {@code HRB_CLOSED_SEED} (the same, but closed), {@code HRB_OTHER_SEED} (a
 * ticket of someone else), {@code <SEED-ACK-MESSAGE-ID>} (the Message-ID of the seed's acknowledgement)
 * and {@code <SEED-MESSAGE-ID>} (the Message-ID of the seed mail itself). The seed's requester is the
 * fixture's sender, or for a delivery report its {@code Final-Recipient}. In the golden, ticket numbers
 * read {@code HRB_SEED}, {@code HRB_OTHER_SEED} or {@code HRB_NEW}.
 * <p>
 * {@code systemNotes} holds the ticket's system notes and damaged-mail notes ({@code [DAMAGED_MAIL] …}, the
 * officers' details). Two keys appear only where they say something: {@code senderSource} when the
 * sender's address was not taken from From, and {@code readNotes} when the reader tolerated anything.
 */
@TestPropertySource(properties = { "gateway.intake.trusted-authserv-ids=mx.persocontact.local",
		// fixtures are many mails from few people in one run: the rate limit is not what they test
		"gateway.intake.new-tickets-per-sender=1000" })
class MailFixtureCorpusIntegrationTests extends MailIntegrationTestSupport {

	static final Path CORPUS = Paths.get("src/test/resources/mail");

	private static final boolean UPDATE = Boolean.getBoolean("fixtures.update");

	private static final Pattern FROM = Pattern.compile("(?im)^From:[^\\r\\n]*?([\\w.+-]+@[\\w.-]+)");

	private static final Pattern FINAL_RECIPIENT = Pattern.compile("(?im)^Final-Recipient:\\s*rfc822;\\s*<?([^\\s>]+)");

	private static final Pattern TICKET_NUMBER = Pattern.compile("HRB\\d{7}");

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final AtomicLong UIDS = new AtomicLong();

	@Autowired
	MailIntake intake;

	@TestFactory
	Stream<DynamicTest> everyFixtureEndsAsItsGoldenSays() throws IOException {
		return fixtures().stream().map(eml -> DynamicTest.dynamicTest(name(eml), () -> verify(eml)));
	}

	@Test
	void theCorpusHasAtLeastSixtyMailsAndEachHasAGolden() throws IOException {
		List<Path> fixtures = fixtures();
		assertThat(fixtures).hasSizeGreaterThanOrEqualTo(60);
		if (!UPDATE) {
			assertThat(fixtures).allSatisfy(eml -> assertThat(golden(eml)).exists());
		}
		try (Stream<Path> files = Files.list(CORPUS)) {
			assertThat(files.filter(file -> file.toString().endsWith(".expected.json")))
				.as("goldens without a fixture")
				.allSatisfy(json -> assertThat(CORPUS.resolve(json.getFileName().toString()
					.replace(".expected.json", ".eml"))).exists());
		}
	}

	private void verify(Path eml) throws Exception {
		Map<String, String> placeholders = new LinkedHashMap<>();
		String text = new String(Files.readAllBytes(eml), StandardCharsets.ISO_8859_1);
		if (text.contains("HRB_CLOSED_SEED")) {
			Seed seed = seed(seedRequesterOf(text), name(eml));
			this.jdbc.update("UPDATE ticket SET status = 'CLOSED_COMPLETE' WHERE number = ?", seed.number());
			text = text.replace("HRB_CLOSED_SEED", seed.number());
			placeholders.putAll(seed.placeholders("HRB_SEED"));
		}
		else if (text.contains("HRB_SEED") || text.contains("<SEED-")) {
			Seed seed = seed(seedRequesterOf(text), name(eml));
			text = text.replace("HRB_SEED", seed.number());
			placeholders.putAll(seed.placeholders("HRB_SEED"));
		}
		if (text.contains("HRB_OTHER_SEED")) {
			Seed other = seed("someone.else." + name(eml).replace('_', '.') + "@example.org", name(eml) + "_other");
			text = text.replace("HRB_OTHER_SEED", other.number());
			placeholders.putAll(other.placeholders("HRB_OTHER_SEED"));
		}
		for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
			if (placeholder.getKey().startsWith("<")) {
				text = text.replace(placeholder.getKey(), placeholder.getValue());
			}
		}
		byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);

		Map<String, Integer> failuresBefore = permanentFailures();
		Disposition disposition = this.intake
			.receive(new RawMail("fixtures@test/INBOX", 1L, UIDS.incrementAndGet(), bytes));

		Map<String, Object> observed = observed(bytes, disposition, placeholders);
		Map<String, Integer> failuresAfter = permanentFailures();
		observed.put("permanentFailuresCounted", failuresAfter.keySet()
			.stream()
			.filter(address -> !failuresAfter.get(address).equals(failuresBefore.get(address)))
			.sorted()
			.toList());
		JsonNode actual = JSON.valueToTree(observed);
		Path golden = golden(eml);
		if (UPDATE) {
			Files.writeString(golden, JSON.writeValueAsString(actual) + "\n");
			return;
		}
		assertThat(golden).as("golden of " + eml.getFileName()).exists();
		JsonNode expected = JSON.readTree(Files.readString(golden));
		if (!expected.equals(actual)) {
			// compared as trees; shown as text so that the difference is readable
			assertThat(JSON.writeValueAsString(actual)).as(eml.getFileName().toString())
				.isEqualTo(JSON.writeValueAsString(expected));
		}
	}

	private Map<String, Object> observed(byte[] bytes, Disposition disposition, Map<String, String> placeholders)
			throws Exception {
		Map<String, Object> record = this.jdbc.queryForMap(
				"SELECT id, outcome, reason, error, thread_rule, ticket_number, sender, sender_source, subject, read_notes "
						+ "FROM inbound_message "
						+ "WHERE mailbox = ? AND uid = ?",
				"fixtures@test/INBOX", UIDS.get());
		String outcome = (String) record.get("outcome");
		String number = (String) record.get("ticket_number");
		if (number != null && !placeholders.containsValue(number)) {
			placeholders.put("HRB_NEW", number);
		}
		String action = switch (outcome) {
			case "TICKET_CREATED" -> "CREATED";
			case "APPENDED" -> "APPENDED";
			default -> "NONE";
		};
		Map<String, Object> ticket = number == null ? null
				: this.jdbc.queryForMap("SELECT subject, requester_language FROM ticket WHERE number = ?", number);
		List<String> bodies = this.jdbc.queryForList(
				"SELECT body FROM timeline_entry WHERE inbound_message_id = ? AND kind = 'REQUESTER_MESSAGE'",
				String.class, record.get("id"));
		List<String> notes = number == null ? List.of()
				: this.jdbc.queryForList("SELECT CASE e.kind WHEN 'SYSTEM' THEN e.body ELSE CONCAT('[', e.kind, '] ', e.body) "
						+ "END FROM timeline_entry e JOIN ticket t ON t.id = e.ticket_id "
						+ "WHERE t.number = ? AND e.kind IN ('SYSTEM', 'DAMAGED_MAIL') ORDER BY e.id", String.class, number);

		Map<String, Object> observed = new LinkedHashMap<>();
		observed.put("outcome", outcome);
		observed.put("reason", stable((String) record.get("reason"), placeholders));
		observed.put("error", stable((String) record.get("error"), placeholders));
		observed.put("disposition", disposition.name());
		observed.put("threadRule", record.get("thread_rule"));
		observed.put("ticketAction", action);
		observed.put("ticketNumber", stable(number, placeholders));
		observed.put("sender", record.get("sender"));
		if (record.get("sender_source") != null && !"FROM".equals(record.get("sender_source"))) {
			observed.put("senderSource", record.get("sender_source"));
		}
		observed.put("language", "CREATED".equals(action) ? ticket.get("requester_language") : null);
		observed.put("subject",
				stable((String) ("CREATED".equals(action) ? ticket.get("subject") : record.get("subject")), placeholders));
		observed.put("timelineBody", bodies.isEmpty() ? null : stable(bodies.get(0), placeholders));
		observed.put("systemNotes", notes.stream().map(note -> stable(note, placeholders)).toList());
		observed.put("attachments", attachmentNames(bytes));
		if (record.get("read_notes") != null) {
			observed.put("readNotes", record.get("read_notes"));
		}
		return observed;
	}

	/** A seed ticket opened by a plain first mail from that sender, and its acknowledgement. */
	private Seed seed(String sender, String fixture) {
		String messageId = "<seed." + fixture + "@example.org>";
		String mail = """
				From: %s
				To: helpdesk@persocontact.local
				Subject: Seed request for %s
				Message-ID: %s
				Content-Type: text/plain; charset=utf-8

				The request the fixture answers.
				""".formatted(sender, fixture, messageId);
		this.intake.receive(new RawMail("fixtures@test/INBOX", 1L, UIDS.incrementAndGet(),
				mail.getBytes(StandardCharsets.UTF_8)));
		Map<String, Object> ticket = this.jdbc.queryForMap(
				"SELECT t.id, t.number FROM ticket t JOIN inbound_message m ON m.ticket_number = t.number "
						+ "WHERE m.message_id = ?",
				messageId);
		String ack = this.jdbc.queryForObject(
				"SELECT message_id FROM outbound_mail WHERE ticket_id = ? AND kind = 'acknowledgement'", String.class,
				ticket.get("id"));
		return new Seed((String) ticket.get("number"), ack, messageId);
	}

	private record Seed(String number, String ackMessageId, String messageId) {

		/** From the value that varies to the placeholder written in fixtures and goldens. */
		Map<String, String> placeholders(String numberPlaceholder) {
			Map<String, String> placeholders = new LinkedHashMap<>();
			placeholders.put(numberPlaceholder, this.number);
			if (numberPlaceholder.equals("HRB_SEED")) {
				placeholders.put("<SEED-ACK-MESSAGE-ID>", this.ackMessageId);
				placeholders.put("<SEED-MESSAGE-ID>", this.messageId);
			}
			return placeholders;
		}

	}

	private static String stable(String value, Map<String, String> placeholders) {
		if (value == null) {
			return null;
		}
		String stable = value;
		for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
			stable = stable.replace(placeholder.getValue(), placeholder.getKey());
		}
		Matcher other = TICKET_NUMBER.matcher(stable);
		return other.find() ? other.replaceAll("HRB_UNKNOWN") : stable;
	}

	/** The file names of the mail's parts, as the intake read it. */
	private static List<String> attachmentNames(byte[] bytes) {
		List<String> names = new ArrayList<>();
		collectNames(ParsedMail.parse(bytes).structure().root(), names);
		return names;
	}

	private static void collectNames(MailPart part, List<String> names) {
		if (part.fileName() != null) {
			names.add(part.fileName());
		}
		part.children().forEach(child -> collectNames(child, names));
	}

	private Map<String, Integer> permanentFailures() {
		Map<String, Integer> failures = new LinkedHashMap<>();
		for (Map<String, Object> row : this.jdbc.queryForList("SELECT address, permanent_failures FROM failing_address")) {
			failures.put((String) row.get("address"), ((Number) row.get("permanent_failures")).intValue());
		}
		return failures;
	}

	/** A bounce is about a mail we sent to its failed recipient; anything else answers its sender. */
	private static String seedRequesterOf(String fixture) {
		Matcher failed = FINAL_RECIPIENT.matcher(fixture);
		if (failed.find()) {
			return failed.group(1);
		}
		Matcher matcher = FROM.matcher(fixture);
		assertThat(matcher.find()).as("a fixture that needs a seed ticket has a From address").isTrue();
		return matcher.group(1);
	}

	private static List<Path> fixtures() throws IOException {
		try (Stream<Path> files = Files.list(CORPUS)) {
			return files.filter(file -> file.toString().endsWith(".eml")).sorted().toList();
		}
	}

	private static Path golden(Path eml) {
		return eml.resolveSibling(name(eml) + ".expected.json");
	}

	private static String name(Path eml) {
		return eml.getFileName().toString().replaceFirst("\\.eml$", "");
	}

}
