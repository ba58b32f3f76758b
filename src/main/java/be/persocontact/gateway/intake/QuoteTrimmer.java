package be.persocontact.gateway.intake;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts quoted history and signatures from a reply for the timeline; the original stays in the raw
 * record. Recognises the markers of Outlook, Gmail, Apple Mail, Thunderbird and webmails in Dutch,
 * French, German and English, "> " quoting, and the {@code "-- "} signature separator.
 */
final class QuoteTrimmer {

	/** A line on which quoted history starts: everything from it on is history. */
	private static final List<Pattern> HISTORY_STARTS = List.of(
			Pattern.compile("^-{2,}\\s*(Original Message|Oorspronkelijk bericht|Origineel bericht|Message d'origine|"
					+ "Ursprüngliche Nachricht|Originalnachricht|Forwarded message|Doorgestuurd bericht|Message transféré|"
					+ "Weitergeleitete Nachricht)\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE),
			// Outlook: "From: …" followed by "Sent:/Verzonden:/Envoyé :/Gesendet:" (or Date) within the next lines
			Pattern.compile("^\\*?(From|Van|De|Von)\\s*:\\*?\\s.*$", Pattern.CASE_INSENSITIVE),
			// "On Mon, 1 Jan 2026 at 10:00, Anna <a@b> wrote:" and its translations (may wrap onto two lines)
			Pattern.compile("^(On|Op|Le|Am)\\s.{4,300}(wrote|schreef|a écrit|schrieb)(\\s.{0,200})?:\\s*$",
					Pattern.CASE_INSENSITIVE),
			Pattern.compile("^.{0,200}(wrote|schreef|a écrit|schrieb)\\s*:\\s*$", Pattern.CASE_INSENSITIVE),
			Pattern.compile("^_{10,}\\s*$"));

	private static final Pattern OUTLOOK_SENT = Pattern
		.compile("^\\*?(Sent|Verzonden|Envoyé|Gesendet|Date|Datum)\\s*:\\*?\\s.*$", Pattern.CASE_INSENSITIVE);

	private static final Pattern WRAPPED_ATTRIBUTION_END = Pattern.compile("^<?[^\\s<>@]+@[^\\s<>@]+>?\\s*:$");

	private static final Pattern QUOTED = Pattern.compile("^\\s*>.*$");

	private static final Pattern SIGNATURE = Pattern.compile("^-- ?$");

	private static final Pattern MOBILE_SIGNATURE = Pattern.compile(
			"^(Sent from my|Envoyé de mon|Verzonden vanaf mijn|Von meinem|Gesendet von meinem|Get Outlook for|"
					+ "Obtenir Outlook pour|Outlook voor (iOS|Android) downloaden|Download Outlook voor|"
					+ "Outlook für (iOS|Android) beziehen|Holen Sie sich Outlook für)\\b.*$",
			Pattern.CASE_INSENSITIVE);

	private QuoteTrimmer() {
	}

	static String trim(String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		int end = lines.length;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (startsHistory(lines, i, line) || SIGNATURE.matcher(lines[i].stripTrailing()).matches()
					|| MOBILE_SIGNATURE.matcher(line).matches()) {
				end = i;
				break;
			}
		}
		StringBuilder kept = new StringBuilder();
		for (int i = 0; i < end; i++) {
			if (QUOTED.matcher(lines[i]).matches() && isTrailingQuoteBlock(lines, i, end)) {
				break;
			}
			kept.append(lines[i]).append('\n');
		}
		String result = kept.toString().strip();
		// a mail that is nothing but a quote keeps its text: better too much than nothing
		return result.isEmpty() ? text.strip() : result;
	}

	/**
	 * Cuts only a signature ({@code "-- "} or a mobile footer). For the first mail of a ticket, where a
	 * quoted or forwarded block is often the very document the employee means to send.
	 */
	static String trimSignature(String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		StringBuilder kept = new StringBuilder();
		for (int i = 0; i < lines.length; i++) {
			if (i > 0 && (SIGNATURE.matcher(lines[i].stripTrailing()).matches()
					|| MOBILE_SIGNATURE.matcher(lines[i].strip()).matches())) {
				break;
			}
			kept.append(lines[i]).append('\n');
		}
		String result = kept.toString().strip();
		return result.isEmpty() ? text.strip() : result;
	}

	private static boolean startsHistory(String[] lines, int i, String line) {
		if (i == 0) {
			return false; // the first line is the answer, whatever it looks like
		}
		if (isWrappedAttribution(lines, i, line)) {
			return true;
		}
		for (int p = 0; p < HISTORY_STARTS.size(); p++) {
			if (!HISTORY_STARTS.get(p).matcher(line).matches()) {
				continue;
			}
			if (p == 1) {
				// "From:" alone is prose; Outlook's header block has a Sent/Date line right after
				for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
					if (OUTLOOK_SENT.matcher(lines[j].strip()).matches()) {
						return true;
					}
				}
				return false;
			}
			return true;
		}
		return false;
	}

	/**
	 * Gmail wraps a long attribution before the address: "Am Fr., 11. Dez. 2026 um 16:02 Uhr schrieb
	 * PersoContact &lt;" and "helpdesk@persocontact.local&gt;:" on the next line. Only a next line that
	 * is an address ending in a colon counts, so that prose starting with "Op" or "Le" is never cut.
	 */
	private static boolean isWrappedAttribution(String[] lines, int i, String line) {
		if (i + 1 >= lines.length || !WRAPPED_ATTRIBUTION_END.matcher(lines[i + 1].strip()).matches()) {
			return false;
		}
		return HISTORY_STARTS.get(2).matcher(line + " " + lines[i + 1].strip()).matches();
	}

	/** Inline quotes between answers stay; a quote block with no answer after it is history. */
	private static boolean isTrailingQuoteBlock(String[] lines, int from, int end) {
		for (int j = from; j < end; j++) {
			String line = lines[j];
			if (!line.isBlank() && !QUOTED.matcher(line).matches()) {
				return false;
			}
		}
		return true;
	}

}
