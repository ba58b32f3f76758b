package be.persocontact.gateway.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply suite in {@code src/test/resources/trimming/}: each {@code <case>.txt} is the text of a
 * reply as a mail client writes it, and {@code <case>.expected.txt} beside it is what a careful reader
 * keeps of it for the timeline. The names start with the language of the client that wrote the reply.
 * The expected form holds every word the writer wrote above, between and below quotes, so the suite
 * also proves that trimming never drops one.
 */
class QuoteTrimmerSuiteUnitTests {

	static final Path SUITE = Paths.get("src/test/resources/trimming");

	private static final String AFTERTHOUGHT = "P.S. Mijn nieuw rekeningnummer volgt morgen.";

	@TestFactory
	Stream<DynamicTest> everyReplyIsTrimmedToWhatItsExpectedFileSays() throws IOException {
		return cases().stream().map(reply -> DynamicTest.dynamicTest(name(reply), () -> {
			assertThat(QuoteTrimmer.trim(read(reply))).as(name(reply)).isEqualTo(read(expected(reply)).strip());
		}));
	}

	@TestFactory
	Stream<DynamicTest> noReplyLosesALineItsWriterWrote() throws IOException {
		return cases().stream().map(reply -> DynamicTest.dynamicTest(name(reply), () -> {
			List<String> trimmed = QuoteTrimmer.trim(read(reply)).lines().map(String::strip).toList();
			int at = 0;
			List<String> lost = new ArrayList<>();
			for (String line : read(expected(reply)).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
				int found = trimmed.subList(at, trimmed.size()).indexOf(line);
				if (found < 0) {
					lost.add(line);
				}
				else {
					at += found + 1;
				}
			}
			assertThat(lost).as("lines of the writer lost from " + name(reply)).isEmpty();
		}));
	}

	@TestFactory
	Stream<DynamicTest> aLineWrittenBelowTheQuoteIsKept() throws IOException {
		return cases().stream().filter(reply -> endsInAQuote(read(reply))).map(reply -> DynamicTest.dynamicTest(
				name(reply),
				() -> assertThat(QuoteTrimmer.trim(read(reply) + "\n" + AFTERTHOUGHT + "\n")).endsWith(AFTERTHOUGHT)));
	}

	@Test
	void theSuiteHasOverEightyRepliesInTheFifteenLanguagesOfTheIssue() throws IOException {
		Set<String> languages = new TreeSet<>();
		for (Path reply : cases()) {
			languages.add(name(reply).substring(0, name(reply).indexOf('_')));
			assertThat(expected(reply)).as("expected form of " + name(reply)).exists();
		}
		assertThat(cases()).hasSizeGreaterThanOrEqualTo(80);
		assertThat(languages).contains("nl", "fr", "de", "en", "es", "it", "pt", "sv", "da", "no", "pl", "ru", "uk",
				"zh", "ja");
	}

	private static boolean endsInAQuote(String text) {
		List<String> lines = text.strip().lines().toList();
		return QuoteTrimmer.isQuoted(lines.get(lines.size() - 1));
	}

	static List<Path> cases() throws IOException {
		try (Stream<Path> files = Files.list(SUITE)) {
			return files.filter(file -> file.toString().endsWith(".txt") && !file.toString().endsWith(".expected.txt"))
				.sorted()
				.toList();
		}
	}

	private static Path expected(Path reply) {
		return reply.resolveSibling(name(reply) + ".expected.txt");
	}

	private static String name(Path reply) {
		return reply.getFileName().toString().replaceFirst("\\.txt$", "");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
