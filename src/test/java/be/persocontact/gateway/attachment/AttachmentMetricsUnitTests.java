package be.persocontact.gateway.attachment;

import java.util.List;

import be.persocontact.gateway.attachment.internal.AttachmentInspector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reading files costs and refuses, as an operator sees it: each file Tika read is timed, each file
 * refused is counted by its reason, a file refused before Tika is not timed.
 */
class AttachmentMetricsUnitTests {

	@Test
	void tikaTimeIsRecordedPerFileReadAndRefusalsAreCountedByReason() {
		AttachmentSettings settings = AttachmentSettings.defaults();
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		try (AttachmentInspector inspector = AttachmentInspector.standard(settings, AttachmentInspector.tika(settings),
				registry)) {
			inspector.inspect(List.of(new IncomingFile("attest.pdf", null, TestDocuments.pdf("Medisch attest")),
					new IncomingFile("setup.exe", null, TestDocuments.exe()),
					new IncomingFile("aanvraag.docx", null, TestDocuments.docx("Ouderschapsverlof"))));
		}

		assertThat(registry.get("gateway.attachment.extraction").tag("outcome", "extracted").timer().count())
			.isEqualTo(2);
		assertThat(registry.get("gateway.attachment.extraction").tag("outcome", "extracted").timer().totalTime(
				java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
		assertThat(registry.get("gateway.attachment.extraction").tag("outcome", "refused").timer().count()).isZero();
		assertThat(registry.get("gateway.attachment.refusals").tag("reason", "NOT_ALLOWED_TYPE").counter().count())
			.isEqualTo(1);
		assertThat(registry.get("gateway.attachment.refusals").tag("reason", "PARSE_TIMEOUT").counter().count())
			.isZero();
	}

}
