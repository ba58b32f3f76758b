package be.persocontact.gateway.notification;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import be.persocontact.gateway.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mail in every language, both parts, rendered from the real templates and bundles. The output
 * is written to {@code target/mails/<template>/<language>.{html,txt}} for a reviewer to open.
 */
class MailTemplatesUnitTests {

	private static final Path TEMPLATES = Path.of("mail-templates");

	private static final Path OUTPUT = Path.of("target", "mails");

	private static final List<String> LANGUAGES = List.of("nl", "fr", "de", "en");

	private final MailTemplates templates = new MailTemplates(new NotificationSettings("helpdesk@persocontact.local",
			"PersoContact", TEMPLATES.toString(), 20, Duration.ofSeconds(5), Duration.ofMinutes(15), 20, Duration.ofMinutes(2),
			500));

	@Test
	void everyTemplateRendersInAllFourLanguagesInBothPartsWithNoMissingMessageKey() throws IOException {
		List<String> names = templateNames();
		assertThat(names).contains("acknowledgement", "status-assigned", "status-work-in-progress",
				"information-requested", "solution-proposed", "status-closed-complete", "auto-closed", "officer-answer",
				"reminder", "follow-up-opened", "rejection-too-large", "rejection-refused-files",
				"rejection-rate-limited", "rejection-unauthenticated", "queue-new-ticket", "officer-requester-replied",
				"officer-solution-refused", "officer-command-refused", "queue-digest");
		for (String name : names) {
			assertThat(TEMPLATES.resolve("text").resolve(name + ".txt")).as("text part of %s", name).exists();
			Map<String, RenderedMail> byLanguage = new LinkedHashMap<>();
			for (String language : LANGUAGES) {
				RenderedMail mail = this.templates.render(name, language, sampleModel(name));
				write(name, language, mail);
				for (String part : List.of(mail.text(), mail.html())) {
					assertThat(part).as("%s in %s", name, language)
						.doesNotContain("??", "#{", "${", "[(", "[#")
						.contains(name.startsWith("rejection") ? "Medisch attest"
								: name.equals("portal-link") ? "https://hr.example.org/" : "HRB0000042");
				}
				assertThat(mail.html()).as("%s in %s", name, language).contains("lang=\"" + language + "\"");
				byLanguage.put(language, mail);
			}
			// a paragraph left untranslated would make two languages render the same mail
			assertThat(byLanguage.values().stream().map(RenderedMail::text).distinct()).as(name).hasSize(4);
		}
	}

	@Test
	void aMailIsTheSameAfterItsExpressionsHaveBeenCompiled() throws IOException {
		// Spring compiles an expression to bytecode after it ran 100 times; every mail of a busy desk is
		// rendered by compiled expressions, so they must give what the interpreted ones gave
		List<String> names = templateNames();
		Map<String, RenderedMail> interpreted = new LinkedHashMap<>();
		for (String name : names) {
			for (String language : LANGUAGES) {
				interpreted.put(name + "/" + language, this.templates.render(name, language, sampleModel(name)));
			}
		}
		for (int i = 0; i < 110; i++) {
			for (String name : names) {
				this.templates.render(name, LANGUAGES.get(i % LANGUAGES.size()), sampleModel(name));
			}
		}
		for (String name : names) {
			for (String language : LANGUAGES) {
				assertThat(this.templates.render(name, language, sampleModel(name))).as("%s in %s", name, language)
					.isEqualTo(interpreted.get(name + "/" + language));
			}
		}
	}

	@Test
	void aSolutionMailCarriesBothTheAcceptAndTheRefuseLink() {
		RenderedMail mail = this.templates.render("solution-proposed", "fr", sampleModel("solution-proposed"));

		assertThat(mail.html()).contains("href=\"https://hr.example.org/a/ACCEPT\"")
			.contains("href=\"https://hr.example.org/r/REFUSE\"")
			.contains("Accepter la solution")
			.contains("Refuser la solution");
		assertThat(mail.text()).contains("https://hr.example.org/a/ACCEPT").contains("https://hr.example.org/r/REFUSE");
	}

	@Test
	void aStatusMailCarriesNoContentOfTheRequestOnlyStatusNumberTitleAndLinks() {
		Map<String, Object> model = sampleModel("information-requested");
		RenderedMail mail = this.templates.render("information-requested", "nl", model);

		assertThat(mail.text()).contains("In afwachting").contains("https://hr.example.org/t/VIEW")
			.doesNotContain("attest van 3 mei");
		assertThat(mail.html()).doesNotContain("attest van 3 mei");
	}

	@Test
	void anOfficersAnswerIsInTheRequestersMailAndWithoutOneThePrivacyTextIs() {
		Map<String, Object> model = sampleModel("officer-answer");
		RenderedMail withAnswer = this.templates.render("officer-answer", "fr", model);
		model.put("message", null);
		RenderedMail withoutAnswer = this.templates.render("officer-answer", "fr", model);

		assertThat(withAnswer.text()).contains("Kunt u ook het attest van de arts bezorgen?")
			.contains("Un gestionnaire RH a répondu à votre demande");
		assertThat(withAnswer.html()).contains("Kunt u ook het attest van de arts bezorgen?");
		assertThat(withoutAnswer.text()).doesNotContain("Kunt u ook").contains("la réponse ne figure pas dans cet e-mail");
	}

	@Test
	void aMailToOfficersCarriesTheRequestTheFilesTheLinkAndTheCommands() {
		RenderedMail mail = this.templates.render("queue-new-ticket", "nl", sampleModel("queue-new-ticket"));

		assertThat(mail.text()).contains("Attesten", "anna.peeters@example.org", "Kunt u ook het attest",
				"attest.pdf: PDF, 1 page", "https://hr.example.org/o/OFFICER", "#take", "#pending", "#resolve",
				"#queue", "#internal", "attestations, general");
		assertThat(mail.html()).contains("href=\"https://hr.example.org/o/OFFICER\"");
	}

	@Test
	void aHostileTitleWithLineBreaksStaysOnOneSubjectLine() {
		String subject = this.templates.subject("status-assigned", "en", "Leave\r\nBcc: mallory@example.org\n\tX: y");

		assertThat(subject).doesNotContain("\r", "\n", "\t")
			.isEqualTo("Your request has been assigned: Leave Bcc: mallory@example.org X: y");
	}

	@Test
	void theFourLanguagesOfEveryBundleHaveExactlyTheSameKeys() throws IOException {
		for (Path base : List.of(TEMPLATES.resolve("i18n/messages"), TEMPLATES.resolve("i18n/notifications"),
				Path.of("src/main/resources/messages"))) {
			Set<String> reference = keys(Path.of(base + ".properties"));
			assertThat(reference).as(base.toString()).isNotEmpty();
			for (String language : LANGUAGES) {
				assertThat(keys(Path.of(base + "_" + language + ".properties"))).as("%s_%s", base, language)
					.containsExactlyElementsOf(reference);
			}
		}
	}

	@Test
	void everyStatusATicketCanMoveToHasItsOwnTemplate() {
		Set<TicketStatus> targets = EnumSet.noneOf(TicketStatus.class);
		Stream.of(TicketStatus.values()).forEach(status -> targets.addAll(status.successors()));
		Set<String> names = new TreeSet<>();
		for (TicketStatus target : targets) {
			String name = StatusNotifications.templateFor(target, true);
			assertThat(TEMPLATES.resolve("html").resolve(name + ".html")).as(target.name()).exists();
			names.add(name);
		}
		assertThat(names).hasSize(targets.size());
		assertThat(StatusNotifications.templateFor(TicketStatus.CLOSED_COMPLETE, false)).isEqualTo("auto-closed");
	}

	/** Every variable any template uses, so that each renders all of its branches' keys at least once. */
	private static Map<String, Object> sampleModel(String name) {
		Map<String, Object> model = new LinkedHashMap<>();
		boolean aboutATicket = !name.startsWith("rejection");
		model.put("number", aboutATicket ? "HRB0000042" : null);
		model.put("title", "Medisch attest");
		model.put("name", "Anna Peeters");
		model.put("status", name.equals("information-requested") ? "PENDING" : "WORK_IN_PROGRESS");
		model.put("from", "AWAITING_ACCEPTANCE");
		model.put("link", aboutATicket ? "https://hr.example.org/t/VIEW" : null);
		model.put("casesLink", name.equals("my-cases-link") ? "https://hr.example.org/me/CASES" : null);
		model.put("hours", 24); // my-cases-link
		model.put("acceptLink", "https://hr.example.org/a/ACCEPT");
		model.put("refuseLink", "https://hr.example.org/r/REFUSE");
		model.put("followsUp", "HRB0000041");
		model.put("days", 7); // portal-link
		model.put("mailSubject", "Medisch attest");
		model.put("files", List.of(new RejectionNotice.RefusedFile("scan.exe", "TYPE_NOT_ALLOWED"),
				new RejectionNotice.RefusedFile("attest.pdf", "ENCRYPTED")));
		// the officers' mails
		boolean toOfficers = name.startsWith("queue-") || name.startsWith("officer-") && !name.equals("officer-answer");
		if (toOfficers) {
			model.put("name", null);
			model.put("link", null);
			model.put("files", List.of(Map.of("name", "attest.pdf", "description", "PDF, 1 page")));
		}
		model.put("message", "Kunt u ook het attest van de arts bezorgen?");
		model.put("queueName", "Attesten");
		model.put("filesAttached", true);
		model.put("previousQueue", null);
		model.put("rule", "keyword 'medisch attest' in the subject");
		model.put("requesterName", "Anna Peeters");
		model.put("requesterAddress", "anna.peeters@example.org");
		model.put("officerLink", "https://hr.example.org/o/OFFICER");
		model.put("queueCodes", "attestations, general");
		model.put("change", "back");
		model.put("problems", List.of("#frobnicate: unknown command"));
		model.put("day", "2026-11-29");
		model.put("tickets", List.of(Map.of("number", "HRB0000042", "title", "Medisch attest", "status", "OPEN",
				"ageDays", 3L, "assignee", "an.peeters@example.org")));
		return model;
	}

	private static List<String> templateNames() throws IOException {
		try (Stream<Path> files = Files.list(TEMPLATES.resolve("html"))) {
			return files.map(file -> file.getFileName().toString())
				.filter(file -> file.endsWith(".html") && !file.startsWith("_"))
				.map(file -> file.substring(0, file.length() - ".html".length()))
				.sorted()
				.toList();
		}
	}

	private static void write(String name, String language, RenderedMail mail) throws IOException {
		Path dir = Files.createDirectories(OUTPUT.resolve(name));
		Files.writeString(dir.resolve(language + ".html"), mail.html(), StandardCharsets.UTF_8);
		Files.writeString(dir.resolve(language + ".txt"), mail.text(), StandardCharsets.UTF_8);
	}

	private static Set<String> keys(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}

}
