package be.persocontact.gateway.intake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises where quoted or forwarded history starts in a mail text, in the forms mail clients write
 * in Dutch, French, German, English, Spanish, Italian, Portuguese, Swedish, Danish, Norwegian, Polish,
 * Russian, Ukrainian, Chinese, Japanese (and a few more): attribution lines ("On … wrote:"), also when
 * wrapped over up to four lines; Outlook's header blocks ("From:/Sent:/To:/Subject:" and their
 * translations); separators ("-----Original Message-----", "---------- Forwarded message ---------",
 * "Begin forwarded message:").
 * <p>
 * An attribution must look like one, not like prose: it ends in a colon (or in its verb), and carries
 * a mail address, or else opens like a date line and names a time or a numeric date.
 */
final class QuoteHeaders {

	/** What a header introduces. */
	enum Kind {

		/** the history of a reply: what the writer answers */
		REPLY,
		/** a message the writer passes on: its content is part of what they send */
		FORWARD

	}

	/**
	 * A recognised header over lines {@code [start, end)}. {@code unquotedHistory} says whether the
	 * lines after it are history even without {@code >} quoting (Outlook, mobile clients), as opposed
	 * to an address-less attribution, which counts only when a quote follows it.
	 */
	record Header(int start, int end, Kind kind, boolean unquotedHistory) {
	}

	/** The longest attribution, joined: longer text is prose (and is not scanned by the patterns below). */
	private static final int LONGEST = 400;

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

	/** The verb of an attribution ("wrote"), in many languages. */
	private static final Pattern VERB = Pattern.compile("(?:(?<![\\p{L}])(?:wrote|writes|has written|schreef|schrijft|"
			+ "geschreven|a\\s+[ée]crit|[ée]crit|schrieb|schreibt|geschrieben|escribi[óo]|ha\\s+escrito|escribe|"
			+ "ha\\s+scritto|scritto|scrisse|scrive|escreveu|escreve|skrev|skreiv|skriver|napisa[łl]\\s*\\(a\\)|"
			+ "napisa[łl]a|napisa[łl]|pisze|написал\\s*\\(а\\)|написала|написал|пишет|написав\\s*\\(ла\\)|написав|"
			+ "пише|kirjoitti|napsal|a\\s+scris|[íi]rta|yazd[ıi]|quoting|citando|zitat\\s+von|cytuj[ęe])(?![\\p{L}]))"
			+ "|写道|寫道|のメッセージ|は書きました|작성", FLAGS);

	private static final Pattern VERB_AT_END = Pattern.compile("(?:" + VERB.pattern() + ")$", FLAGS);

	/** Words an attribution opens with ("On", "Op", "Le", "Am", …), or a date ("2016年1月4日", "04.01.2016"). */
	private static final String STRONG_LEADS = "^(?:on|op|le|am|el|il|em|no\\s+dia|in\\s+data|den|p[åa]|"
			+ "w\\s+dniu|dnia|в|во|у|dne|在|quoting|citando|zitat\\s+von|cytuj[ęe])(?![\\p{L}])|^\\d";

	private static final Pattern STRONG_LEAD = Pattern.compile(STRONG_LEADS, FLAGS);

	/** Also a day first: "пн, 4 янв.", "man. 4. jan.", "Wednesday, 17 November" (and so "at 10:18", a wrapped part). */
	private static final Pattern LEAD = Pattern.compile(STRONG_LEADS + "|^\\p{L}{1,12}[.,]?\\s+\\d", FLAGS);

	/** Tried only where a run of address characters starts, so that a long word costs one pass. */
	private static final Pattern ADDRESS = Pattern
		.compile("(?<![\\p{L}\\p{N}._%+'’-])[\\p{L}\\p{N}._%+'’-]++@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");

	private static final Pattern TIME = Pattern.compile("(?<!\\d)\\d{1,2}\\s?[:.h]\\s?\\d{2}(?!\\d)");

	private static final Pattern NUMERIC_DATE = Pattern
		.compile("(?<!\\d)\\d{1,4}\\s?[./-]\\s?\\d{1,2}\\s?[./-]\\s?\\d{1,4}(?!\\d)|\\d{2,4}\\s?年\\s?\\d{1,2}\\s?月");

	/** "&gt;:" alone: the end of an address a client wrapped before its closing bracket. */
	private static final Pattern CLOSING_BRACKET = Pattern.compile("^\\s*>\\s*[:：]\\s*$");

	private static final Pattern YEAR = Pattern.compile("(?<!\\d)(?:19|20)\\d{2}(?!\\d)");

	/** Who writes in the first person, in an attribution that names no address, is the writer. */
	private static final Pattern FIRST_PERSON = Pattern.compile("(?<![\\p{L}])(?:i|ik|je|j'ai|j’ai|ich|yo|io|eu|jag|"
			+ "jeg|я|my|mijn|mon|mein|meine|mio|meu|minha|mitt|mój|moja|мой|моя|we|wij|nous|wir|мы|我)(?![\\p{L}])",
			FLAGS);

	/** Ends in an address and a colon: "… X &lt;x@y&gt;:", "… [mailto:x@y]:", "… x@y:". */
	private static final Pattern ENDS_WITH_ADDRESS = Pattern
		.compile("@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+\\s*[>\\])]?\\s*[:：]$");

	// Outlook header blocks: label and colon, perhaps in bold ("*From:*"), perhaps "Envoyé le :"
	private static final String FROM_LABELS = "from|van|de|von|da|fr[åa]n|fra|od|от|від|expéditeur|remitente|"
			+ "lähettäjä|feladó|kimden|发件人|寄件者|差出人";

	private static final String OTHER_LABELS = "sent|date|verzonden|datum|envoy[ée](?:\\s+le)?|message\\s+du|"
			+ "gesendet|enviado(?:\\s+el|\\s+em)?|enviada(?:\\s+em)?|fecha|inviato|data|skickat|sendt|wys[łl]ano|wys[łl]ane|"
			+ "отправлено|дата|надіслано|"
			+ "lähetetty|päivämäärä|发送时间|发送日期|日期|寄件日期|送信日時|日付|"
			+ "to|aan|[àa]|an|pour|para|till|til|do|кому|收件人|收件者|宛先|vastaanottaja|"
			+ "subject|onderwerp|objet|sujet|betreff|asunto|oggetto|assunto|[äa]mne|emne|temat|тема|主题|主旨|件名|aihe|"
			+ "cc|bcc|kopie|kopia|kopi|dw|копия|копія|抄送|副本|copie\\s+[àa]";

	private static final Pattern FROM_LINE = Pattern
		.compile("^\\*{0,2}(?:" + FROM_LABELS + ")\\s*\\*{0,2}\\s*[:：]\\*{0,2}(?:\\s.*|\\S.*)?$", FLAGS);

	private static final Pattern OTHER_LINE = Pattern
		.compile("^\\*{0,2}(?:" + OTHER_LABELS + ")\\s*\\*{0,2}\\s*[:：]\\*{0,2}(?:\\s.*|\\S.*)?$", FLAGS);

	private static final List<String> ORIGINAL_MESSAGE = List.of("original message", "original e-mail",
			"original email", "reply message", "oorspronkelijk bericht", "origineel bericht", "oorspronkelijk e-mailbericht",
			"message d'origine", "message d’origine", "message original", "ursprüngliche nachricht", "originalnachricht",
			"original-nachricht", "mensaje original", "messaggio originale", "mensagem original", "ursprungligt meddelande",
			"originalmeddelande", "oprindelig meddelelse", "oprindelig besked", "opprinnelig melding", "wiadomość oryginalna",
			"oryginalna wiadomość", "исходное сообщение", "оригинальное сообщение", "исходное письмо",
			"вихідне повідомлення", "оригінальне повідомлення", "початкове повідомлення", "原始邮件", "原始郵件", "原始消息",
			"元のメッセージ", "オリジナル メッセージ", "alkuperäinen viesti", "původní zpráva", "eredeti üzenet");

	private static final List<String> FORWARDED_MESSAGE = List.of("forwarded message", "forwarded e-mail",
			"forwarded email", "begin forwarded message", "doorgestuurd bericht", "doorgestuurde bericht",
			"begin doorgestuurd bericht", "message transféré", "message transmis", "début du message réexpédié",
			"début du message transféré", "weitergeleitete nachricht", "anfang der weitergeleiteten nachricht",
			"anfang der weitergeleiteten e-mail", "mensaje reenviado", "inicio del mensaje reenviado", "messaggio inoltrato",
			"inizio messaggio inoltrato", "mensagem encaminhada", "mensagem reencaminhada", "início da mensagem reencaminhada",
			"início da mensagem encaminhada", "vidarebefordrat meddelande", "vidarebefordrat brev", "videresendt meddelelse",
			"videresendt besked", "videresendt melding", "videresendt e-post", "przekazana wiadomość", "wiadomość przekazana",
			"początek przekazywanej wiadomości", "пересылаемое сообщение", "пересланное сообщение",
			"начало переадресованного сообщения", "переслане повідомлення", "пересланий лист", "转发的邮件", "转发邮件",
			"轉寄郵件", "転送されたメッセージ", "転送メッセージ", "välitetty viesti");

	private static final Pattern SEPARATOR_EDGE = Pattern.compile("^[\\s\\-_=*—–~]+|[\\s\\-_=*—–~]+$");

	private QuoteHeaders() {
	}

	/** The headers of one text, each line looked at once however often it is asked about. */
	static final class Finder {

		private final List<String> lines;

		private final List<Optional<Header>> found;

		/**
		 * Per line, whether it ends like an attribution: 0 not yet known, 1 yes, 2 no. A line is the last
		 * of up to four windows, and the verb pattern is the dearest test of all.
		 */
		private final byte[] endsLike;

		Finder(List<String> lines) {
			this.lines = lines;
			this.found = new ArrayList<>(Collections.nCopies(lines.size(), null));
			this.endsLike = new byte[lines.size()];
		}

		Optional<Header> at(int i) {
			Optional<Header> header = this.found.get(i);
			if (header == null) {
				header = QuoteHeaders.at(this.lines, i, this);
				this.found.set(i, header);
			}
			return header;
		}

		boolean endsLikeAnAttribution(int line) {
			if (this.endsLike[line] == 0) {
				this.endsLike[line] = QuoteHeaders.endsLikeAnAttribution(this.lines.get(line)) ? (byte) 1 : (byte) 2;
			}
			return this.endsLike[line] == 1;
		}

	}

	/** The header that starts at line {@code i}, if one does. Quoted lines never start one. */
	private static Optional<Header> at(List<String> lines, int i, Finder memo) {
		String line = lines.get(i).strip();
		if (line.isEmpty() || QuoteTrimmer.isQuoted(lines.get(i))) {
			return Optional.empty();
		}
		Kind separator = separator(line);
		if (separator != null) {
			return Optional.of(new Header(i, i + 1, separator, true));
		}
		if (isHeaderBlock(lines, i)) {
			return Optional.of(new Header(i, i + 1, Kind.REPLY, true));
		}
		return attribution(lines, i, memo);
	}

	/**
	 * "-----Original Message-----", "---------- Forwarded message ---------", "Begin forwarded message:",
	 * "---- Anna wrote ----".
	 */
	static Kind separator(String line) {
		String stripped = line.strip();
		if (stripped.length() > 80) {
			return null;
		}
		String phrase = SEPARATOR_EDGE.matcher(stripped).replaceAll("");
		boolean colon = phrase.endsWith(":") || phrase.endsWith("：");
		if (colon) {
			phrase = phrase.substring(0, phrase.length() - 1).strip();
		}
		phrase = phrase.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		int edges = stripped.length() - phrase.length() - (colon ? 1 : 0);
		if (edges < 2 && !colon) {
			return null; // a phrase on its own in prose is no separator
		}
		if (FORWARDED_MESSAGE.contains(phrase)) {
			return Kind.FORWARD;
		}
		if (ORIGINAL_MESSAGE.contains(phrase) && edges >= 2) {
			return Kind.REPLY;
		}
		// Android's "---- Anna wrote ----", "-----On 4/1/2027 10:15, Anna wrote-----"
		if (edges >= 4 && stripped.startsWith("--") && VERB_AT_END.matcher(phrase).find()) {
			return Kind.REPLY;
		}
		return null;
	}

	/**
	 * Outlook's block: a "From:" line followed, within a few lines, by at least two other header lines
	 * ("Sent:", "To:", "Subject:"). A "From:" in prose, or "Van: 1 maart" / "Tot: 31 mei" in a leave
	 * request, has no such company. The block may open with a date line ("Message du :") just above the
	 * "From:".
	 */
	static boolean isHeaderBlock(List<String> lines, int i) {
		String line = lines.get(i).strip();
		int from = i;
		if (!FROM_LINE.matcher(line).matches()) {
			// a date line directly above the "From:" belongs to the block
			if (!OTHER_LINE.matcher(line).matches() || i + 1 >= lines.size()
					|| !FROM_LINE.matcher(lines.get(i + 1).strip()).matches()) {
				return false;
			}
			from = i + 1;
		}
		int others = 0;
		for (int j = from + 1; j < Math.min(lines.size(), from + 7); j++) {
			String next = lines.get(j).strip();
			if (next.isEmpty()) {
				break;
			}
			if (OTHER_LINE.matcher(next).matches()) {
				others++;
			}
		}
		return others >= 2;
	}

	/**
	 * An attribution over lines {@code [i, i+k)}, {@code k} up to four: clients wrap long ones anywhere,
	 * before the address ("… schreef X &lt;" / "x@y&gt;:") or before the verb ("… &lt;x@y&gt;" / "a écrit :").
	 * The first line of a wrapped one opens like an attribution, and a line of prose right above an
	 * attribution is not part of it: when the window from a lower line that opens with a lead word or a
	 * date is an attribution too, the attribution starts there.
	 */
	private static Optional<Header> attribution(List<String> lines, int i, Finder memo) {
		int length = 0;
		for (int k = 1; k <= 4 && i + k <= lines.size(); k++) {
			String last = lines.get(i + k - 1);
			length += last.length();
			if (length > LONGEST) {
				return Optional.empty(); // no attribution is that long, and scanning one would cost
			}
			boolean closesAnAddress = k > 1 && CLOSING_BRACKET.matcher(last).matches()
					&& lines.get(i + k - 2).lastIndexOf('<') > lines.get(i + k - 2).lastIndexOf('>');
			if (last.isBlank() || (QuoteTrimmer.isQuoted(last) && !closesAnAddress)) {
				return Optional.empty();
			}
			if (!memo.endsLikeAnAttribution(i + k - 1)) {
				continue;
			}
			if (k > 1 && !opens(lines.get(i))) {
				return Optional.empty();
			}
			Shape shape = shapeOf(join(lines, i, i + k));
			if (shape == null) {
				continue;
			}
			for (int j = i + 1; j < i + k; j++) {
				if (STRONG_LEAD.matcher(join(lines, j, j + 1)).find() && shapeOf(join(lines, j, i + k)) != null) {
					return Optional.empty();
				}
			}
			return Optional.of(new Header(i, i + k, Kind.REPLY, shape.unquotedHistory()));
		}
		return Optional.empty();
	}

	/** An attribution ends in a colon, or in its verb ("… &lt;x@y&gt; wrote"): a cheap test before the patterns. */
	private static boolean endsLikeAnAttribution(String line) {
		String stripped = line.strip();
		if (stripped.endsWith(":") || stripped.endsWith("：")) {
			return true;
		}
		return VERB_AT_END.matcher(stripped.substring(Math.max(0, stripped.length() - 24))).find();
	}

	/** The first line of a wrapped attribution opens like one: a lead word, a date, or an address. */
	private static boolean opens(String line) {
		String stripped = join(List.of(line), 0, 1);
		return LEAD.matcher(stripped).find() || ADDRESS.matcher(stripped).find();
	}

	private record Shape(boolean unquotedHistory) {
	}

	/** Whether a (joined) line is an attribution, and whether unquoted history may follow it. */
	private static Shape shapeOf(String text) {
		if (text.length() > LONGEST || text.length() < 6) {
			return null;
		}
		boolean address = ADDRESS.matcher(text).find();
		boolean timeOrDate = TIME.matcher(text).find() || NUMERIC_DATE.matcher(text).find();
		boolean lead = LEAD.matcher(text).find();
		boolean colon = text.endsWith(":") || text.endsWith("：");
		Matcher verb = VERB.matcher(text);
		int verbEnd = -1;
		while (verb.find()) {
			verbEnd = verb.end();
		}
		if (verbEnd >= 0) {
			int tail = text.length() - verbEnd;
			if (colon && tail <= 100) {
				if (address) {
					return new Shape(true);
				}
				if (FIRST_PERSON.matcher(text).find()) {
					return null; // "Op 3 maart om 10:00 schreef ik aan mijn diensthoofd:" is the writer talking
				}
				if (lead && timeOrDate) {
					return new Shape(true);
				}
				if (timeOrDate || YEAR.matcher(text).find()) {
					return new Shape(false);
				}
				return null;
			}
			// "On Wed, 14 Nov 2018 08:14:43 -0200 John Doe <john@doe.com> wrote" without its colon
			if (!colon && tail == 0 && address && lead && timeOrDate) {
				return new Shape(true);
			}
			return null;
		}
		// no verb: "2016年1月4日(月) 19:03 X <x@y>:", "пн, 4 янв. 2016 г. в 19:03, X <x@y>:"
		if (colon && address && lead && timeOrDate && ENDS_WITH_ADDRESS.matcher(text).find()) {
			return new Shape(true);
		}
		return null;
	}

	/** The lines joined as one, the way a client wrapped them apart. */
	private static String join(List<String> lines, int from, int to) {
		StringBuilder joined = new StringBuilder();
		for (int j = from; j < to; j++) {
			joined.append(' ').append(lines.get(j).strip());
		}
		return joined.toString()
			.replace('\u00a0', ' ')
			.replace('\u202f', ' ')
			.replaceAll("\\*+", "")
			.replaceAll("\\s+", " ")
			.replaceAll("([<(\\[])\\s+", "$1")
			.replaceAll("\\s+([>)\\]])", "$1")
			.replaceAll("^\\s*[-–—]\\s+", "")
			.strip();
	}

}
