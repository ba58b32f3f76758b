package be.persocontact.gateway.ticket;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a requester's mail answers a proposed solution: its first word. "Ja", "oui", "yes", "akkoord",
 * "d'accord" or "einverstanden" accept; "nee", "non", "no" or "nein" followed by a reason refuse.
 * Anything else, and a bare "no" without a reason, is an ordinary message: a solution is never
 * refused without the officer learning why, and never accepted by a mail that merely mentions "ok".
 */
record SolutionAnswer(Kind kind, String reason) {

	enum Kind {

		ACCEPT, REFUSE, NEITHER

	}

	private static final Set<String> YES = Set.of("yes", "ja", "oui", "akkoord", "d'accord", "daccord",
			"einverstanden");

	private static final Set<String> NO = Set.of("no", "nee", "neen", "non", "nein");

	/** The first word (letters and an apostrophe), then whatever follows it. */
	private static final Pattern FIRST_WORD = Pattern.compile("^[\\s\\p{Punct}&&[^']]*([\\p{L}']+)(.*)$",
			Pattern.DOTALL);

	static SolutionAnswer read(String text) {
		if (text == null) {
			return new SolutionAnswer(Kind.NEITHER, null);
		}
		String normalised = Normalizer.normalize(text, Normalizer.Form.NFC).replace('\u2019', '\'').strip();
		Matcher matcher = FIRST_WORD.matcher(normalised);
		if (!matcher.matches()) {
			return new SolutionAnswer(Kind.NEITHER, null);
		}
		String word = matcher.group(1).toLowerCase(Locale.ROOT);
		if (YES.contains(word)) {
			return new SolutionAnswer(Kind.ACCEPT, null);
		}
		if (NO.contains(word)) {
			String reason = matcher.group(2).replaceFirst("^[\\s\\p{Punct}]+", "").strip();
			return reason.isEmpty() ? new SolutionAnswer(Kind.NEITHER, null) : new SolutionAnswer(Kind.REFUSE, reason);
		}
		return new SolutionAnswer(Kind.NEITHER, null);
	}

	boolean accepts() {
		return this.kind == Kind.ACCEPT;
	}

	boolean refuses() {
		return this.kind == Kind.REFUSE;
	}

}
