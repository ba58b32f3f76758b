package be.persocontact.gateway.queue;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the four languages a short text is in, by counting each language's most frequent small
 * words. Enough to tell a German mail from a Dutch one for routing; a mail that declares its
 * language keeps it.
 */
final class LanguageGuess {

	private static final Map<String, Set<String>> COMMON = Map.of(
			"nl", Set.of("de", "het", "een", "en", "ik", "niet", "met", "van", "voor", "mijn", "is", "dat", "op", "te",
					"u", "graag", "ben", "heb", "zijn", "wij", "ook", "om", "bij"),
			"fr", Set.of("le", "la", "les", "et", "je", "pas", "avec", "une", "un", "est", "de", "du", "des", "pour",
					"mon", "ma", "mes", "vous", "que", "qui", "sur", "au", "ai", "suis"),
			"de", Set.of("der", "die", "das", "und", "ich", "nicht", "mit", "ist", "ein", "eine", "für", "mein", "meine",
					"sie", "zu", "von", "den", "dem", "bitte", "bin", "habe", "auch", "auf", "im"),
			"en", Set.of("the", "and", "i", "not", "with", "is", "a", "an", "of", "for", "my", "you", "that", "to",
					"please", "am", "have", "are", "on", "in", "this"));

	private static final Pattern WORD = Pattern.compile("\\p{L}+");

	private LanguageGuess() {
	}

	/** The language with most common words among the first 2,000 words, or the fallback when none stands out. */
	static String of(String text, String fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		Map<String, Integer> counts = new java.util.HashMap<>();
		Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
		for (int seen = 0; seen < 2000 && words.find(); seen++) {
			String word = words.group();
			COMMON.forEach((language, common) -> {
				if (common.contains(word)) {
					counts.merge(language, 1, Integer::sum);
				}
			});
		}
		String best = fallback;
		int bestCount = 1;
		for (Map.Entry<String, Integer> count : counts.entrySet()) {
			if (count.getValue() > bestCount) {
				best = count.getKey();
				bestCount = count.getValue();
			}
		}
		return best;
	}

}
