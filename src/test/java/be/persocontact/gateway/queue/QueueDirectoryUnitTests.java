package be.persocontact.gateway.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;

import java.util.List;

import be.persocontact.gateway.catalogue.CatalogueManagement;
import be.persocontact.gateway.catalogue.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A mistake in the queues file stops the gateway with a message that names the file, the queue and the field. */
class QueueDirectoryUnitTests {

	@TempDir
	Path dir;

	@Test
	void theShippedQueuesAreValid() {
		QueueDirectory directory = new QueueDirectory(settings("classpath:queues/queues.yaml"),
				new DefaultResourceLoader(), catalogue(), "helpdesk@persocontact.local");

		assertThat(directory.codes()).contains("attestations", "working-time-and-leave", "household", "commuting",
				"salary", "hr-applications", "general");
		assertThat(directory.defaultQueue().code()).isEqualTo("general");
		assertThat(directory.get("attestations").hasOfficer("AN.Peeters@persocontact.local")).isTrue();
		assertThat(directory.get("salary").hasOfficer("an.peeters@persocontact.local")).isFalse();
	}

	/** A valid file; each mistake below is one change to it. */
	private static final String VALID = """
			default-queue: general
			queues:
			  - code: general
			    name: {nl: A, fr: B, de: C, en: D}
			    addresses: [a@example.org]
			    officers: [{address: o@example.org, name: O, languages: [nl]}]
			""";

	@Test
	void mistakesAreNamed() throws IOException {
		assertProblem(VALID.replace("de: C, ", ""), "queue 'general': 'name' has no 'de'");
		assertProblem(VALID.replace("default-queue: general", "default-queue: nowhere"),
				"default-queue 'nowhere' is not one of the queues [general]");
		assertProblem(VALID.replace("[a@example.org]", "[helpdesk@persocontact.local]"),
				"queue 'general', addresses: 'helpdesk@persocontact.local' is the helpdesk's own address");
		assertProblem(VALID.replace("[a@example.org]", "[helpdesk+abc@persocontact.local]"),
				"is the helpdesk's own address; mail to it would loop");
		assertProblem(VALID.replace("languages: [nl]", "languages: [es]"),
				"queue 'general', officer o@example.org: language 'es' is not one of");
		assertProblem(VALID.replace("[{address: o@example.org, name: O, languages: [nl]}]", "[]"),
				"queue 'general': a queue needs at least one officer");
		assertProblem(VALID.replace("addresses:", "adresses:"), "queue 'general': unknown key 'adresses'");
	}

	@Test
	void theValidFileIsValid() throws IOException {
		Path file = Files.createTempFile(this.dir, "queues", ".yaml");
		Files.writeString(file, VALID);

		assertThat(new QueueDirectory(settings("file:" + file), new DefaultResourceLoader(),
				mock(CatalogueManagement.class), "helpdesk@persocontact.local").codes()).containsExactly("general");
	}

	@Test
	void aQueueTheCatalogueNeedsButTheFileLacksStopsTheStart() throws IOException {
		Path file = this.dir.resolve("queues.yaml");
		Files.writeString(file, VALID);
		CatalogueManagement catalogue = catalogue();

		assertThatThrownBy(() -> new QueueDirectory(settings("file:" + file), new DefaultResourceLoader(), catalogue,
				"helpdesk@persocontact.local"))
			.hasMessageContaining("sends its requests to queue 'working-time-and-leave', which is not configured here");
	}

	private void assertProblem(String yaml, String problem) throws IOException {
		Path file = Files.createTempFile(this.dir, "queues", ".yaml");
		Files.writeString(file, yaml);
		assertThatThrownBy(() -> new QueueDirectory(settings("file:" + file), new DefaultResourceLoader(),
				mock(CatalogueManagement.class), "helpdesk@persocontact.local"))
			.hasMessageStartingWith("Queues file file:" + file)
			.hasMessageContaining(problem);
	}

	private static QueueSettings settings(String location) {
		return new QueueSettings(location, Duration.ofDays(90), Duration.ofDays(5), Duration.ofDays(14),
				org.springframework.util.unit.DataSize.ofMegabytes(10), LocalTime.of(7, 0), "Europe/Brussels");
	}

	/** A catalogue with one form, for working time and leave. */
	private static CatalogueManagement catalogue() {
		Form form = mock(Form.class);
		when(form.code()).thenReturn("career-break");
		when(form.queue()).thenReturn("working-time-and-leave");
		CatalogueManagement catalogue = mock(CatalogueManagement.class);
		when(catalogue.forms()).thenReturn(List.of(form));
		return catalogue;
	}

}
