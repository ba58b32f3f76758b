package be.persocontact.gateway.portal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import be.persocontact.gateway.MailServerFixture;
import be.persocontact.gateway.attachment.TestDocuments;
import be.persocontact.gateway.catalogue.CatalogueManagement;
import be.persocontact.gateway.catalogue.Field;
import be.persocontact.gateway.catalogue.Form;
import be.persocontact.gateway.system.MailServerSettings;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The submission API end to end over HTTP, on the real MariaDB and mail server: every form of the
 * shipped catalogue becomes a ticket in its queue, every kind of mistake comes back as a precise,
 * translated problem, and an idempotency key keeps a retried call from making a second ticket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalSubmissionIntegrationTests {

	/** A valid submission for every form of the catalogue, in a rotating language. */
	static final Map<String, Map<String, String>> VALID = new LinkedHashMap<>();

	static {
		VALID.put("reduction-of-working-time", Map.of("kind", "parental-leave", "start-date", "2026-03-01", "end-date",
				"2026-08-31", "employment-status", "statutory"));
		VALID.put("household-composition", Map.of("change", "birth", "change-date", "2026-01-15", "person-name",
				"Lotte Peeters", "dependent-children", "2"));
		VALID.put("salary-simulation", Map.of("reason", "reduced-working-time", "effective-date", "2026-04-01",
				"working-time-percentage", "80", "current-gross-salary", "3912.45"));
		VALID.put("commuting", Map.of("transport", "bicycle", "distance-km", "12.5", "home-address",
				"Kerkstraat 1, 9000 Gent", "start-date", "2026-02-01"));
		VALID.put("leave", Map.of("leave-type", "special-leave", "start-date", "2026-05-04", "end-date", "2026-05-05",
				"reason", "Huwelijk van mijn zus; de selfservice kent dit verlof niet."));
		VALID.put("employer-attestation", Map.of("attestation-type", "salary", "period-from", "2025-01-01", "period-to",
				"2025-12-31", "addressee", "Verhuurder", "copies", "2"));
		VALID.put("telework-agreement", Map.of("days-per-week", "2", "start-date", "2026-03-02", "telework-address",
				"Dorpsstraat 5, 3000 Leuven", "manager-agrees", "true"));
		VALID.put("hr-applications-problem", Map.of("application", "payslips", "description",
				"De loonbrief van januari opent niet."));
		VALID.put("question-to-hr-officer", Map.of("topic", "Pensioen", "question",
				"Hoe wordt mijn pensioen berekend bij deeltijds werk?"));
	}

	private static final List<String> LANGUAGES = List.of("nl", "fr", "de", "en");

	@Autowired
	CatalogueManagement catalogue;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	GreenMail greenMail;

	@Autowired
	MailServerSettings mailSettings;

	@LocalServerPort
	int port;

	PortalApiClient api() {
		return new PortalApiClient(this.port);
	}

	@Test
	void everyFormOfTheShippedCatalogueHasAValidSubmissionInTheseTests() {
		assertThat(VALID.keySet()).containsExactlyInAnyOrderElementsOf(
				this.catalogue.forms().stream().map(Form::code).toList());
	}

	static Stream<Arguments> forms() {
		List<String> codes = List.copyOf(VALID.keySet());
		return codes.stream().map(code -> Arguments.of(code, LANGUAGES.get(codes.indexOf(code) % 4)));
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("forms")
	void aValidSubmissionOfEveryFormCreatesATicketInTheFormsQueueWithEveryFieldOnItsTimeline(String code,
			String language) throws Exception {
		Form form = this.catalogue.form(code).orElseThrow();
		String employee = unique("employee");
		List<PortalApiClient.Part> files = form.attachments().name().equals("NONE") ? List.of()
				: List.of(PortalApiClient.Part.file("attest.pdf", "application/pdf"),
						PortalApiClient.Part.file("schedule.png", "image/png"));

		PortalApiClient.Reply reply = api().submit(submission(code, employee, language, VALID.get(code)), files);

		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		String number = (String) reply.json().get("ticketNumber");
		assertThat(number).matches("HRB\\d{7}");
		assertThat((String) reply.json().get("viewLink")).contains("/t/");
		assertThat(reply.raw().headers().firstValue("Location")).hasValue((String) reply.json().get("viewLink"));
		Map<String, Object> ticket = this.jdbc.queryForMap(
				"SELECT subject, queue_code, form_code, requester_address, requester_language FROM ticket WHERE number = ?",
				number);
		assertThat(ticket).containsEntry("queue_code", form.queue())
			.containsEntry("form_code", code)
			.containsEntry("subject", form.title().in(language))
			.containsEntry("requester_address", employee)
			.containsEntry("requester_language", language);
		String timeline = this.jdbc.queryForObject("SELECT e.body FROM timeline_entry e JOIN ticket t ON t.id = "
				+ "e.ticket_id WHERE t.number = ? AND e.kind = 'REQUESTER_MESSAGE'", String.class, number);
		assertThat(timeline).startsWith(form.title().in(language));
		for (Field field : form.fields()) {
			assertThat(timeline).contains(field.label().in(language) + ": ");
		}
		files.forEach(file -> assertThat(timeline).contains(file.fileName()));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM portal_submission WHERE ticket_number = ? AND "
				+ "outcome = 'TICKET_CREATED' AND payload LIKE ?", Integer.class, number, "%\"formCode\":\"" + code + "\"%"))
			.isOne();
		assertThat(new PortalApiClient(this.port).get(linkPath((String) reply.json().get("viewLink")), null).body())
			.contains(number);
	}

	@Test
	void theTimelineShowsOptionLabelsAndDatesAsTheEmployeeSawThem() throws Exception {
		PortalApiClient.Reply reply = api().submit(submission("reduction-of-working-time", unique("anna"), "nl",
				VALID.get("reduction-of-working-time")), twoFiles());
		String timeline = this.jdbc.queryForObject("SELECT e.body FROM timeline_entry e JOIN ticket t ON t.id = "
				+ "e.ticket_id WHERE t.number = ? AND e.kind = 'REQUESTER_MESSAGE'", String.class,
				reply.json().get("ticketNumber"));
		assertThat(timeline).contains("Soort vermindering: Ouderschapsverlof", "Begindatum: 01/03/2026",
				"Einddatum: 31/08/2026", "Tewerkstellingsstatuut: Statutair", "Personeelsnummer: 12345",
				"Opmerking:\nGraag vanaf maart.");
	}

	static Stream<Arguments> invalidInputs() {
		Map<String, String> reduction = VALID.get("reduction-of-working-time");
		return Stream.of(
				Arguments.of("missing required field", "reduction-of-working-time", without(reduction, "employment-status"),
						twoFiles(), "employment-status", "REQUIRED", "Statut d\u2019emploi\u00a0: ce champ est obligatoire."
							.replace("\u2019", "'")),
				Arguments.of("bad date", "reduction-of-working-time", with(reduction, "start-date", "31/02/2026"),
						twoFiles(), "start-date", "NOT_A_DATE", "Date de d\u00e9but\u00a0: indiquez une date valide."),
				Arguments.of("end before start", "reduction-of-working-time", with(reduction, "end-date", "2026-02-28"),
						twoFiles(), "end-date", "DATE_BEFORE", "Date de fin ne peut pas pr\u00e9c\u00e9der Date de d\u00e9but."),
				Arguments.of("unknown option", "reduction-of-working-time", with(reduction, "kind", "sabbatical"),
						twoFiles(), "kind", "UNKNOWN_OPTION",
						"Type de r\u00e9duction\u00a0: choisissez une des possibilit\u00e9s propos\u00e9es."),
				Arguments.of("above max", "telework-agreement", with(VALID.get("telework-agreement"), "days-per-week", "5"),
						List.of(PortalApiClient.Part.file("agreement.pdf", "application/pdf")), "days-per-week", "TOO_LARGE",
						"Jours de t\u00e9l\u00e9travail par semaine doit \u00eatre au plus 4."),
				Arguments.of("below min", "salary-simulation",
						with(VALID.get("salary-simulation"), "working-time-percentage", "5"), List.of(),
						"working-time-percentage", "TOO_SMALL", "R\u00e9gime de travail souhait\u00e9 (%) doit \u00eatre au moins 10."),
				Arguments.of("missing required attachment", "reduction-of-working-time", reduction, List.of(),
						"attachments", "ATTACHMENT_REQUIRED", "Joignez les documents indiqu\u00e9s pour ce formulaire."),
				// over the portal's limits: refused by name and size, the files never read into memory
				Arguments.of("file over 10 MB", "reduction-of-working-time", reduction,
						List.of(PortalApiClient.Part.file("scan.pdf", "application/pdf", new byte[12 * 1024 * 1024])),
						"attachments", "FILE_TOO_LARGE", "scan.pdf d\u00e9passe 10 Mo."),
				Arguments.of("files over 30 MB together", "reduction-of-working-time", reduction,
						java.util.stream.IntStream.rangeClosed(1, 4)
							.mapToObj(i -> PortalApiClient.Part.file("scan-" + i + ".pdf", "application/pdf",
									new byte[8 * 1024 * 1024]))
							.toList(),
						"attachments", "FILES_TOO_LARGE_TOGETHER", "Les fichiers d\u00e9passent ensemble 30 Mo."),
				Arguments.of("refused file type", "reduction-of-working-time", reduction,
						List.of(PortalApiClient.Part.file("setup.exe", "application/octet-stream")), "attachments",
						"FILE_TYPE_REFUSED", "setup.exe\u00a0: Ce type de fichier n'est pas accept\u00e9. Envoyez un PDF, "
								+ "une photo (JPEG, PNG, HEIC) ou un document bureautique."),
				Arguments.of("executable renamed to PDF", "reduction-of-working-time", reduction,
						List.of(PortalApiClient.Part.file("attest.pdf", "application/pdf", TestDocuments.exe())),
						"attachments", "FILE_TYPE_REFUSED",
						"attest.pdf\u00a0: Le fichier n'est pas ce que son nom indique ; il n'a pas \u00e9t\u00e9 accept\u00e9."),
				Arguments.of("web page renamed to PDF", "reduction-of-working-time", reduction,
						List.of(PortalApiClient.Part.file("attest.pdf", "application/pdf", TestDocuments.html())),
						"attachments", "FILE_TYPE_REFUSED",
						"attest.pdf\u00a0: Le fichier n'est pas ce que son nom indique ; il n'a pas \u00e9t\u00e9 accept\u00e9."),
				Arguments.of("damaged PDF", "reduction-of-working-time", reduction,
						List.of(PortalApiClient.Part.file("attest.pdf", "application/pdf", TestDocuments.truncatedPdf())),
						"attachments", "FILE_REFUSED", "attest.pdf\u00a0: Le fichier est endommag\u00e9 ou illisible."),
				Arguments.of("bad e-mail address", "question-to-hr-officer",
						with(VALID.get("question-to-hr-officer"), "manager-address", "chef-at-example"), List.of(),
						"manager-address", "NOT_AN_EMAIL",
						"Adresse e-mail de votre responsable (s'il est concern\u00e9)\u00a0: indiquez une adresse e-mail valide."),
				Arguments.of("not a number", "household-composition",
						with(VALID.get("household-composition"), "dependent-children", "deux"), twoFiles(),
						"dependent-children", "NOT_A_NUMBER",
						"Nombre d'enfants \u00e0 charge apr\u00e8s la modification\u00a0: indiquez un nombre."),
				Arguments.of("text too short", "hr-applications-problem",
						with(VALID.get("hr-applications-problem"), "description", "kapot"), List.of(), "description",
						"TOO_SHORT", "Description du probl\u00e8me doit compter au moins 10 caract\u00e8res."),
				Arguments.of("required box not ticked", "telework-agreement",
						with(VALID.get("telework-agreement"), "manager-agrees", "false"),
						List.of(PortalApiClient.Part.file("agreement.pdf", "application/pdf")), "manager-agrees", "REQUIRED",
						"Mon responsable est d'accord\u00a0: ce champ est obligatoire."),
				Arguments.of("files on a form that takes none", "employer-attestation", VALID.get("employer-attestation"),
						List.of(PortalApiClient.Part.file("attest.pdf", "application/pdf")), "attachments",
						"ATTACHMENTS_NOT_ACCEPTED", "Ce formulaire n\u2019accepte pas de pi\u00e8ces jointes."),
				Arguments.of("unknown form", "no-such-form", Map.of(), List.of(), "formCode", "UNKNOWN_OPTION",
						"Formulaire\u00a0: choisissez une des possibilit\u00e9s propos\u00e9es."),
				Arguments.of("field the form does not have", "question-to-hr-officer",
						with(VALID.get("question-to-hr-officer"), "salary", "5000"), List.of(), "salary", "UNKNOWN_FIELD",
						"salary\u00a0: ce formulaire n\u2019a pas ce champ."));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidInputs")
	void eachKindOfInvalidInputIsAProblemDetailNamingTheFieldInTheEmployeesLanguage(String what, String code,
			Map<String, String> values, List<PortalApiClient.Part> files, String field, String errorCode,
			String message) throws Exception {
		String employee = unique("marie");
		PortalApiClient.Reply reply = api().submit(submission(code, employee, "fr", values), files);

		assertProblemDetails(reply, 400, "/problems/invalid-submission");
		assertThat(reply.contentLanguage()).isEqualTo("fr");
		assertThat(reply.json()).containsEntry("title", "La demande contient des erreurs");
		assertThat((List<Object>) reply.json().get("errors")).as(reply.body())
			.containsExactly(Map.of("field", field, "code", errorCode, "message", message));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", Integer.class,
				employee)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM portal_submission WHERE employee_address = ? "
				+ "AND outcome = 'REFUSED' AND problems LIKE ?", Integer.class, employee, "%" + errorCode + "%"))
			.isOne();
	}

	@Test
	void anExecutableRenamedPdfIsRefusedByItsBytesWithTheReasonInTheEmployeesLanguageAndNothingIsKept()
			throws Exception {
		String employee = unique("jan");
		byte[] exe = TestDocuments.exe();
		PortalApiClient.Reply reply = api().submit(
				submission("reduction-of-working-time", employee, "nl", VALID.get("reduction-of-working-time")),
				List.of(PortalApiClient.Part.file("geboorteakte.pdf", "application/pdf"),
						PortalApiClient.Part.file("attest.pdf", "application/pdf", exe)));

		assertProblemDetails(reply, 400, "/problems/invalid-submission");
		assertThat(reply.contentLanguage()).isEqualTo("nl");
		assertThat((List<Object>) reply.json().get("errors")).as(reply.body())
			.containsExactly(Map.of("field", "attachments", "code", "FILE_TYPE_REFUSED", "message",
					"attest.pdf: Het bestand is niet wat de naam zegt; het werd niet aanvaard."));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", Integer.class,
				employee)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM stored_file WHERE sha256 = ?", Integer.class,
				Hashes.sha256(exe))).isZero();
	}

	@Test
	void aPortalFileIsStoredOnceByContentAndListedWithTheTicketsAttachmentsWithItsDetectedType() throws Exception {
		byte[] pdf = TestDocuments.pdf("Geboorteakte van Lotte Peeters", UUID.randomUUID().toString());
		List<PortalApiClient.Part> files = List.of(
				PortalApiClient.Part.file("geboorteakte.exe.pdf", "application/octet-stream", pdf),
				PortalApiClient.Part.file("akkoord.jpg", "image/jpeg"));
		PortalApiClient.Reply first = api().submit(submission("reduction-of-working-time", unique("anna"), "nl",
				VALID.get("reduction-of-working-time")), files);
		PortalApiClient.Reply second = api().submit(submission("household-composition", unique("anna"), "fr",
				VALID.get("household-composition")), files);

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(second.status()).as(second.body()).isEqualTo(201);
		String number = (String) first.json().get("ticketNumber");
		assertThat(this.jdbc.queryForList("SELECT a.original_name, a.detected_type, a.accepted FROM "
				+ "ticket_attachment a JOIN ticket t ON t.id = a.ticket_id WHERE t.number = ? ORDER BY a.id", number))
			.containsExactly(
					Map.of("original_name", "geboorteakte.exe.pdf", "detected_type", "application/pdf", "accepted", true),
					Map.of("original_name", "akkoord.jpg", "detected_type", "image/jpeg", "accepted", true));
		// the same certificate on two tickets is one stored file
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM stored_file WHERE sha256 = ?", Integer.class,
				Hashes.sha256(pdf))).isOne();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM ticket_attachment WHERE sha256 = ?", Integer.class,
				Hashes.sha256(pdf))).isEqualTo(2);

		String view = api().get(linkPath((String) first.json().get("viewLink")), null).body();
		assertThat(view).contains("geboorteakte.exe.pdf", "Ontvangen (PDF, 1 pagina", "/d/");
		String searchable = this.jdbc.queryForObject("SELECT a.extracted_text FROM ticket_attachment a JOIN ticket t "
				+ "ON t.id = a.ticket_id WHERE t.number = ? AND a.detected_type = 'application/pdf'", String.class, number);
		assertThat(searchable).contains("Geboorteakte van Lotte Peeters");
	}

	@Test
	void everyProblemOfASubmissionIsListedAtOnceInDutch() throws Exception {
		Map<String, String> values = new LinkedHashMap<>(VALID.get("reduction-of-working-time"));
		values.remove("employment-status");
		values.put("kind", "sabbatical");
		values.put("start-date", "morgen");
		PortalApiClient.Reply reply = api().submit(submission("reduction-of-working-time", unique("jan"), "nl", values),
				List.of());

		assertProblemDetails(reply, 400, "/problems/invalid-submission");
		assertThat(reply.json().get("detail")).isEqualTo("4 problemen moeten verbeterd worden voor de aanvraag verstuurd kan worden.");
		assertThat((List<Map<String, Object>>) reply.json().get("errors")).extracting(error -> error.get("field"))
			.containsExactly("kind", "start-date", "employment-status", "attachments");
	}

	@Test
	void theSameIdempotencyKeyTwiceMakesOneTicketAndOneAcknowledgement() throws Exception {
		String employee = unique("piet");
		Map<String, Object> submission = submission("household-composition", employee, "nl",
				VALID.get("household-composition"));
		PortalApiClient.Reply first = api().submit(submission, twoFiles());
		PortalApiClient.Reply second = api().submit(submission, twoFiles());

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(second.json().get("ticketNumber")).isEqualTo(first.json().get("ticketNumber"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", Integer.class,
				employee)).isOne();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", Integer.class,
				employee)).isOne();

		Map<String, Object> changed = new LinkedHashMap<>(submission);
		changed.put("comment", "Iets anders");
		PortalApiClient.Reply reused = api().submit(changed, twoFiles());
		assertProblemDetails(reused, 409, "/problems/idempotency-key-reused");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", Integer.class,
				employee)).isOne();
	}

	@Test
	void aRefusedSubmissionCanBeCorrectedAndSentAgainWithTheSameKey() throws Exception {
		String employee = unique("els");
		Map<String, Object> wrong = submission("commuting", employee, "nl",
				with(VALID.get("commuting"), "distance-km", "-3"));
		assertThat(api().submit(wrong, List.of()).status()).isEqualTo(400);
		Map<String, Object> right = new LinkedHashMap<>(wrong);
		right.put("values", VALID.get("commuting"));
		assertThat(api().submit(right, List.of()).status()).isEqualTo(201);
	}

	@Test
	void theAcknowledgementListsTheFormsFieldsButLeavesSensitiveValuesBehindTheLink() throws Exception {
		String employee = unique("karin");
		PortalApiClient.Reply reply = api().submit(submission("telework-agreement", employee, "de",
				VALID.get("telework-agreement")), List.of(PortalApiClient.Part.file("vereinbarung.pdf", "application/pdf")));
		assertThat(reply.status()).isEqualTo(201);
		MailServerFixture mail = new MailServerFixture(this.greenMail, this.mailSettings.smtpPort());
		await().atMost(Duration.ofSeconds(20)).until(() -> !mail.inbox(employee).isEmpty());
		MimeMessage ack = mail.inbox(employee).get(0);
		assertThat(ack.getSubject()).isEqualTo("[" + reply.json().get("ticketNumber") + "] Telearbeitsvereinbarung");
		String body = textOf(ack);
		assertThat(body).contains("Telearbeitstage pro Woche: 2", "Anfangsdatum: 02/03/2026",
				"Anschrift des Telearbeitsplatzes: (nur \u00fcber den Link sichtbar)")
			.doesNotContain("Dorpsstraat");
	}

	@Test
	void aSubmissionWithoutItsJsonPartIsAnUnreadableRequestProblem() throws Exception {
		PortalApiClient.Reply reply = api().submit("{not json", List.of(), "Bearer " + PortalApiClient.API_KEY);
		assertProblemDetails(reply, 400, "/problems/unreadable-submission");
	}

	/** The text/plain part as a mail client shows it, whatever its transfer encoding. */
	static String textOf(jakarta.mail.Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = textOf(multipart.getBodyPart(i));
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	static void assertProblemDetails(PortalApiClient.Reply reply, int status, String type) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		Map<String, Object> problem = reply.json();
		// RFC 9457: type is a URI reference, title and detail are strings, status repeats the HTTP status
		assertThat(problem).containsEntry("type", type).containsEntry("status", status).containsEntry("instance",
				"/api/portal/submissions");
		assertThat(problem.get("title")).isInstanceOf(String.class);
		assertThat(problem.get("detail")).isInstanceOf(String.class);
	}

	static Map<String, Object> submission(String code, String employee, String language, Map<String, String> values) {
		Map<String, Object> submission = new LinkedHashMap<>();
		submission.put("formCode", code);
		submission.put("employee", Map.of("id", "12345", "address", employee, "name", "Test Employee", "language", language));
		submission.put("values", values);
		submission.put("comment", "Graag vanaf maart.");
		submission.put("idempotencyKey", UUID.randomUUID().toString());
		return submission;
	}

	static List<PortalApiClient.Part> twoFiles() {
		return List.of(PortalApiClient.Part.file("geboorteakte.pdf", "application/pdf"),
				PortalApiClient.Part.file("akkoord.jpg", "image/jpeg"));
	}

	static Map<String, String> with(Map<String, String> values, String name, String value) {
		Map<String, String> changed = new LinkedHashMap<>(values);
		changed.put(name, value);
		return changed;
	}

	static Map<String, String> without(Map<String, String> values, String name) {
		Map<String, String> changed = new LinkedHashMap<>(values);
		changed.remove(name);
		return changed;
	}

	static String linkPath(String url) {
		return url.substring(url.indexOf("/t/"));
	}

	static String unique(String name) {
		return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

}
