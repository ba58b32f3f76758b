package be.persocontact.gateway.catalogue;

import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class CatalogueReaderUnitTests {

	private static final String VALID = """
			queues: [general]
			themes:
			  - code: questions
			    title: {nl: Vragen, fr: Questions, de: Fragen, en: Questions}
			    forms:
			      - code: question
			        title: {nl: Vraag, fr: Question, de: Frage, en: Question}
			        queue: general
			        fields:
			          - name: start
			            type: date
			            label: {nl: Begin, fr: Début, de: Anfang, en: Start}
			          - name: end
			            type: date
			            not-before: start
			            label: {nl: Einde, fr: Fin, de: Ende, en: End}
			""";

	@Test
	void theShippedCatalogueHasEveryFormOfThePortalManualWithItsQueue() throws Exception {
		Catalogue catalogue;
		try (InputStream in = getClass().getResourceAsStream("/catalogue/catalogue.yaml")) {
			catalogue = CatalogueReader.read("classpath:catalogue/catalogue.yaml", in);
		}
		Map<String, String> queues = new java.util.LinkedHashMap<>();
		catalogue.forms().forEach(form -> queues.put(form.code(), form.queue()));
		assertThat(queues).containsExactly(entry("reduction-of-working-time", "working-time-and-leave"),
				entry("household-composition", "household"), entry("salary-simulation", "salary"),
				entry("commuting", "commuting"), entry("leave", "working-time-and-leave"),
				entry("employer-attestation", "attestations"), entry("telework-agreement", "working-time-and-leave"),
				entry("hr-applications-problem", "hr-applications"), entry("question-to-hr-officer", "general"));
		Form reference = catalogue.form("reduction-of-working-time").orElseThrow();
		assertThat(reference.title().in("nl")).isEqualTo("Vermindering van werkregime");
		assertThat(reference.attachments()).isEqualTo(Attachments.REQUIRED);
		assertThat(reference.field("kind").orElseThrow().options()).extracting(Option::value)
			.contains("career-break", "parental-leave", "four-day-week", "long-absence", "early-return",
					"internship-leave");
		assertThat(reference.field("end-date").orElseThrow().notBefore()).isEqualTo("start-date");
		assertThat(reference.documents()).filteredOn(document -> document.appliesTo(Map.of("kind", "parental-leave")))
			.extracting(document -> document.text().in("en"))
			.containsExactly("Your manager's agreement and the approved schedule",
					"The birth certificate(s) of your child(ren)");
	}

	@Test
	void aValidFileGivesThemesFormsAndFieldsInFileOrder() {
		Catalogue catalogue = CatalogueReader.read("test.yaml", VALID);
		assertThat(catalogue.themes()).singleElement().satisfies(theme -> assertThat(theme.title().in("de")).isEqualTo("Fragen"));
		assertThat(catalogue.form("question").orElseThrow().fields()).extracting(Field::name).containsExactly("start", "end");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			a label without German         | 'de: Anfang, '                  | ''                | form 'question', field 'start': 'label' has no de text
			an unknown field type          | 'type: date\\n            label: {nl: Begin' | 'type: calendar\\n            label: {nl: Begin' | form 'question', field 'start': type 'calendar' is not one of
			an unknown queue               | 'queue: general'                | 'queue: payroll'  | form 'question': queue 'payroll' is not one of the queues
			a misspelt key                 | 'not-before: start'             | 'not-befor: start' | form 'question', field 'end': unknown key 'not-befor'
			a date order on a missing field | 'not-before: start'            | 'not-before: begin' | form 'question', field 'end': not-before names 'begin'
			""")
	void aBrokenFileIsRefusedWithAMessageNamingTheFileFormAndField(String what, String replace, String with,
			String expected) {
		String broken = VALID.replaceFirst(java.util.regex.Pattern.quote(replace.replace("\\n", "\n")),
				java.util.regex.Matcher.quoteReplacement(with.replace("\\n", "\n")));
		assertThat(broken).as("fixture edited").isNotEqualTo(VALID);
		assertThatThrownBy(() -> CatalogueReader.read("/etc/gateway/catalogue.yaml", broken))
			.isInstanceOf(CatalogueInvalid.class)
			.hasMessageStartingWith("Catalogue /etc/gateway/catalogue.yaml, theme 'questions', ")
			.hasMessageContaining(expected);
	}

	@Test
	void aSelectWithoutOptionsIsRefused() {
		String broken = VALID.replace("type: date\n            label: {nl: Begin", "type: select\n            label: {nl: Begin");
		assertThatThrownBy(() -> CatalogueReader.read("c.yaml", broken))
			.hasMessage("Catalogue c.yaml, theme 'questions', form 'question', field 'start': a select field needs options");
	}

	@Test
	void aMissingFileIsRefusedWithItsName() {
		assertThatThrownBy(() -> CatalogueReader.readResource("file:/nonexistent/catalogue.yaml",
				new org.springframework.core.io.FileSystemResource("/nonexistent/catalogue.yaml")))
			.hasMessage("Catalogue file:/nonexistent/catalogue.yaml: file not found (set gateway.catalogue.location)");
	}

	@Test
	void aFileThatIsNotYamlIsRefusedWithItsName() {
		assertThatThrownBy(() -> CatalogueReader.read("c.yaml", "themes: [unclosed"))
			.isInstanceOf(CatalogueInvalid.class)
			.hasMessageStartingWith("Catalogue c.yaml: not valid YAML");
	}

}
