package be.persocontact.gateway.intake;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/intake-rules.md} ("Machine mail") is the machine-mail table a reader trusts: the same rules
 * in the same order with the same outcomes as the code, and every test and fixture it names exists.
 */
class MachineMailRulesDocumentedUnitTests {

	private static final Path DOC = Path.of("docs/intake-rules.md");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private static final Pattern FIXTURE = Pattern.compile("`([a-z0-9_]+\\.eml)`");

	private static final Pattern TEST_REFERENCE = Pattern.compile("`(\\w+)#(\\w+)`");

	private final MachineMail machineMail = new MachineMail("helpdesk@persocontact.local");

	@Test
	void theDocumentedTableListsTheRulesOfTheCodeInOrderWithTheirOutcomes() throws IOException {
		List<String> documented = rows().stream().map(row -> code(row[2]) + " " + code(row[4])).toList();

		assertThat(documented).containsExactlyElementsOf(
				this.machineMail.rules().stream().map(rule -> rule.name() + " " + rule.outcome()).toList());
	}

	@Test
	void everyTestAndFixtureTheTableNamesExists() throws Exception {
		List<String> methods = Arrays.stream(MachineMailUnitTests.class.getDeclaredMethods()).map(Method::getName).toList();
		for (String[] row : rows()) {
			List<String> named = codes(row[6]);
			assertThat(named).as("row %s names its test", row[1].strip()).isNotEmpty();
			assertThat(methods).as("row %s", row[1].strip()).contains(named.get(0));
		}
		String section = section();
		for (String[] row : rows()) {
			for (String name : codes(row[6])) {
				if (name.contains("_")) {
					assertThat(Path.of("src/test/resources/mail", name + ".eml")).as("fixture of row %s", row[1].strip())
						.exists();
				}
				else if (!name.endsWith("UnitTests")) {
					assertThat(methods).as("test of row %s", row[1].strip()).contains(name);
				}
			}
		}
		Matcher fixture = FIXTURE.matcher(section);
		while (fixture.find()) {
			assertThat(Path.of("src/test/resources/mail", fixture.group(1))).as("fixture").exists();
		}
		Matcher reference = TEST_REFERENCE.matcher(section);
		while (reference.find()) {
			Class<?> type = Class.forName(reference.group(1).endsWith("IntegrationTests")
					? "be.persocontact.gateway." + reference.group(1) : getClass().getPackageName() + "." + reference.group(1));
			assertThat(Arrays.stream(type.getDeclaredMethods()).map(Method::getName)).contains(reference.group(2));
		}
	}

	private static List<String[]> rows() throws IOException {
		List<String[]> rows = new ArrayList<>();
		for (String line : section().split("\n")) {
			if (line.matches("\\|\\s*\\d+\\s*\\|.*")) {
				rows.add(line.split("\\|"));
			}
		}
		return rows;
	}

	private static String section() throws IOException {
		String doc = Files.readString(DOC);
		int start = doc.indexOf("\n## Machine mail\n");
		assertThat(start).as("a section \"## Machine mail\" in " + DOC).isNotNegative();
		int end = doc.indexOf("\n## ", start + 1);
		return end < 0 ? doc.substring(start) : doc.substring(start, end);
	}

	private static String code(String cell) {
		List<String> codes = codes(cell);
		return codes.isEmpty() ? cell.strip() : codes.get(0);
	}

	private static List<String> codes(String cell) {
		List<String> codes = new ArrayList<>();
		Matcher code = CODE.matcher(cell);
		while (code.find()) {
			codes.add(code.group(1));
		}
		return codes;
	}

}
