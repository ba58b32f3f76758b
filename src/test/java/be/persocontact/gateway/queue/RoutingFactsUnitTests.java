package be.persocontact.gateway.queue;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing rules' phrase matching, read in one pass: the same answers as one regex per phrase
 * (the former matching), the phrase listed first named, and long attachments read only as far as
 * routing needs.
 */
class RoutingFactsUnitTests {

	private static RoutingFacts facts(String subject, String message, String attachmentText) {
		return new RoutingFacts(null, "e@example.org", "nl", subject, message, attachmentText);
	}

	@Test
	void namesThePhraseListedFirstInTheFirstTextWhereItOccursNotTheFirstFoundInTheText() {
		RoutingFacts facts = facts("Mijn loon en loonfiche", "", "loonfiche");

		assertThat(facts.mentions("loonfiche|loon")).isTrue();
		assertThat(facts.getMatched()).isEqualTo("'loonfiche' in the subject");

		RoutingFacts later = facts("Vraag", "over mijn salaris", "loonfiche van mei");
		assertThat(later.mentions("loonfiche|salaris")).isTrue();
		assertThat(later.getMatched()).isEqualTo("'loonfiche' in the attachment text");
	}

	@Test
	void aPhraseStartsAWordAndMayEndInsideOneCaseAccentsAndApostrophesAside() {
		assertThat(facts("Verloning", "", "").mentions("loon")).isFalse();
		assertThat(facts("2loon", "", "").mentions("loon")).isFalse();
		assertThat(facts("Loonfiche", "", "").mentions("loon")).isTrue();
		assertThat(facts("", "Certificat Médical d’incapacité", "").mentions("certificat d incapacite|certificat medical"))
			.isTrue();
		assertThat(facts("", "", "").mentions("loon")).isFalse();
	}

	@Test
	void attachmentTextIsReadForRoutingOnlyAsFarAsItsFirstTwentyThousandCharacters() {
		String filler = "x ".repeat(RoutingFacts.ATTACHMENT_CHARS_FOR_ROUTING / 2 - 10);

		assertThat(facts("Scan", "", filler + "loonfiche").mentions("loonfiche")).isTrue();
		assertThat(facts("Scan", "", filler + "x".repeat(30) + " loonfiche").mentions("loonfiche")).isFalse();
	}

	@Test
	void answersAsOneRegexPerPhraseDidOnRandomText() {
		String[] words = { "loon", "loonfiche", "verloning", "fiche", "de", "paie", "fiche de paie", "médical", "l'acte",
				"acte de", "naissance", "2", "x", "Loon", "ÉTÉ", "été" };
		String phrases = "fiche de paie|loonfiche|loon|acte de naissance|ete|medical";
		Random random = new Random(13);
		for (int round = 0; round < 2000; round++) {
			StringBuilder text = new StringBuilder();
			for (int i = random.nextInt(8); i > 0; i--) {
				text.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "");
			}
			RoutingFacts facts = facts(text.toString(), "", "");
			String expected = null;
			for (String phrase : phrases.split("\\|")) {
				Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(RoutingFacts.normalise(phrase)));
				if (pattern.matcher(RoutingFacts.normalise(text.toString())).find()) {
					expected = "'" + phrase + "' in the subject";
					break;
				}
			}
			assertThat(facts.mentions(phrases)).as(text.toString()).isEqualTo(expected != null);
			if (expected != null) {
				assertThat(facts.getMatched()).as(text.toString()).isEqualTo(expected);
			}
		}
	}

	@Test
	void normalisesAsTheFormerTwoPatternsDidAccentsBlanksAndApostrophesIncluded() {
		String[] pieces = { "a", "É", "e\u0301", "\u0301", "\u20dd", "\u0903", " ", "\t", "\r\n", "\u00a0", "'", "\u2019",
				"\u2018", "`", "\u2003", "\u0130", "\u03a3", "\ud835\udc00", "\ud834\udd65", "ß", "Ǆ", "ﬁ", "1" };
		Pattern marks = Pattern.compile("\\p{M}+");
		Pattern spaces = Pattern.compile("[\\s\\u00a0'\\u2018\\u2019`]+");
		Random random = new Random(7);
		for (int round = 0; round < 5000; round++) {
			StringBuilder text = new StringBuilder();
			for (int i = random.nextInt(10); i > 0; i--) {
				text.append(pieces[random.nextInt(pieces.length)]);
			}
			String decomposed = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
			String former = spaces.matcher(marks.matcher(decomposed).replaceAll("")).replaceAll(" ")
				.toLowerCase(java.util.Locale.ROOT);
			assertThat(RoutingFacts.normalise(text.toString())).as(text.toString()).isEqualTo(former);
		}
		assertThat(RoutingFacts.normalise("Certificat  Me\u0301dical d’incapacite\u0301")).isEqualTo("certificat medical d incapacite");
	}

}
