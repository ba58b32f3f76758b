package be.persocontact.gateway.privacy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The retention periods an administrator reads in the README are the ones the gateway applies when nothing
 * is configured, and a configuration that would keep a ticket's files or mails past its texts is refused.
 */
class PrivacySettingsUnitTests {

	private static final Pattern README_ROW = Pattern.compile("^\\| `GATEWAY_RETENTION_([A-Z_]+)` \\| `(P[0-9A-Z]+)` \\|",
			Pattern.MULTILINE);

	private static final Pattern PROPERTY = Pattern
		.compile("^gateway\\.privacy\\.retention\\.([a-z-]+)=\\$\\{GATEWAY_RETENTION_[A-Z_]+:(P[0-9A-Z]+)}$", Pattern.MULTILINE);

	@Test
	void everyRetentionPeriodInTheReadmeIsTheDefaultInForce() throws Exception {
		Map<String, Duration> readme = new LinkedHashMap<>();
		Matcher row = README_ROW.matcher(Files.readString(Path.of("README.md")));
		while (row.find()) {
			readme.put(row.group(1).toLowerCase().replace('_', '-'), Duration.parse(row.group(2)));
		}
		PrivacySettings.Retention defaults = bind(Map.of()).retention();
		Map<String, Duration> inForce = new LinkedHashMap<>();
		for (PurgedData kind : PurgedData.values()) {
			if (!kind.code().equals("refused-submissions") && !kind.code().equals("access-log-without-ticket")) {
				inForce.put(kind.code(), kind.period(defaults));
			}
		}
		assertThat(readme).as("README rows GATEWAY_RETENTION_*").isEqualTo(inForce);
		Map<String, Duration> properties = new LinkedHashMap<>();
		Matcher line = PROPERTY.matcher(Files.readString(Path.of("src/main/resources/application.properties")));
		while (line.find()) {
			properties.put(line.group(1), Duration.parse(line.group(2)));
		}
		assertThat(properties).as("application.properties").isEqualTo(inForce);
	}

	@Test
	void nothingOfATicketIsKeptLongerThanItsTexts() {
		assertThatThrownBy(() -> bind(Map.of("gateway.privacy.retention.attachment-files", "P400D")))
			.hasRootCauseMessage("gateway.privacy.retention.attachment-files (PT9600H) cannot be longer than "
					+ "gateway.privacy.retention.message-texts (PT8760H)");
		assertThatThrownBy(() -> bind(Map.of("gateway.privacy.retention.notices", "PT1H")))
			.rootCause().hasMessageContaining("must be at least P1D");
	}

	private static PrivacySettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("gateway.privacy",
				PrivacySettings.class);
	}

}
