package be.persocontact.gateway.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cuts quoted history and signatures from a reply for the timeline; the original stays in the raw
 * record and with the timeline entry for officers.
 * <p>
 * Only the tail of a reply is ever cut, and only when no line the writer wrote lies in it: the text
 * is kept up to the writer's last line. Quoted history ({@code >}) with answers below it therefore
 * stays, as the context of those answers; history below an attribution, Outlook's header block, a
 * separator or a phone footer is cut when nothing of the writer follows it; a signature block is cut
 * from the end. A forwarded message is content, not history: the writer's note and the forwarded
 * message both stay. The markers themselves are recognised by {@link QuoteHeaders} and
 * {@link Signatures}.
 */
final class QuoteTrimmer {

	private static final Pattern QUOTED = Pattern.compile("^\\s*>");

	/** A line of rule characters only ("=====", "* * *"): layout, no words of anyone. */
	private static final Pattern DECORATION = Pattern.compile("^[\\s\\-_=*~—–#.·•+|]*$");

	/** "Fwd:", "TR:", "WG:", "Doorst:", "RV:", "I:", "ENC:", "VB:", "VS:", "PD:", "Пересл:", "转发:" … */
	private static final Pattern FORWARD_SUBJECT = Pattern.compile(
			"^(?:\\[[^\\]]{1,40}\\]\\s*)?(?:fw|fwd|tr|wg|doorst|rv|i|enc|vb|vs|vl|pd|пересл|переслать|转发|轉寄|転送)\\s*[:：]",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private QuoteTrimmer() {
	}

	/** The writer's part of a reply. */
	static String trim(String text) {
		return trim(text, (String) null);
	}

	/**
	 * The writer's part of a reply. A subject that marks a forward ("Fwd:", "TR:", "WG:") makes the
	 * first header a forwarded message: Outlook forwards with the same header block it replies with.
	 */
	static String trim(String text, String subject) {
		if (text == null || text.isBlank()) {
			return "";
		}
		boolean forwarded = subject != null && FORWARD_SUBJECT.matcher(subject.strip()).find();
		String kept = writersPart(lines(text), forwarded);
		// a mail that is nothing but a quote keeps its text: better too much than nothing
		return kept.isEmpty() ? text.strip() : kept;
	}

	/**
	 * Cuts only signatures and client footers, where they end the text or stand right above quoted or
	 * forwarded history. For the first mail of a ticket, where a quoted or forwarded block is often the
	 * very document the employee means to send.
	 */
	static String trimSignature(String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		List<String> lines = lines(text);
		QuoteHeaders.Finder headers = new QuoteHeaders.Finder(lines);
		List<String> kept = new ArrayList<>();
		boolean written = false;
		int i = 0;
		while (i < lines.size()) {
			String line = lines.get(i);
			if (written && !isQuoted(line)) {
				int end = Signatures.isClientFooter(line) ? i + 1
						: signatureBlockEnd(lines, headers, i, lastWritten(kept));
				if (end > 0) {
					int next = nextNonBlank(lines, end);
					if (next == lines.size() || isQuoted(lines.get(next)) || headers.at(next).isPresent()) {
						i = next;
						continue;
					}
				}
			}
			written |= isWriters(line);
			kept.add(line);
			i++;
		}
		String result = String.join("\n", kept).strip();
		return result.isEmpty() ? text.strip() : result;
	}

	static boolean isQuoted(String line) {
		return QUOTED.matcher(line).find();
	}

	/**
	 * Walks the reply from the top and remembers the writer's last line; stops where unquoted history
	 * starts. Quoted lines, headers, signature blocks, footers and rules are never the writer's.
	 */
	private static String writersPart(List<String> lines, boolean forwarded) {
		int n = lines.size();
		QuoteHeaders.Finder headers = new QuoteHeaders.Finder(lines);
		int lastWriters = -1;
		boolean headerSeen = false;
		int i = 0;
		while (i < n) {
			String line = lines.get(i);
			if (line.isBlank() || isQuoted(line)) {
				i++;
				continue;
			}
			Optional<QuoteHeaders.Header> found = headers.at(i);
			if (found.isPresent()) {
				QuoteHeaders.Header header = found.get();
				if (header.kind() == QuoteHeaders.Kind.FORWARD || (forwarded && !headerSeen)) {
					return withForward(lines, header.start());
				}
				int next = nextNonBlank(lines, header.end());
				if (next < n && isQuoted(lines.get(next))) {
					headerSeen = true;
					i = header.end();
					continue;
				}
				if (header.unquotedHistory()) {
					break;
				}
				// an attribution without address and without a quote below it is the writer's prose
			}
			int signatureEnd = lastWriters < 0 ? -1 : signatureBlockEnd(lines, headers, i, lines.get(lastWriters));
			if (signatureEnd > 0) {
				i = signatureEnd;
				continue;
			}
			if (lastWriters >= 0 && Signatures.isClientFooter(line)) {
				int next = nextNonBlank(lines, i + 1);
				if (next < n && !isQuoted(lines.get(next)) && headers.at(next).isEmpty()
						&& !Signatures.isDelimiter(lines.get(next)) && !Signatures.isClientFooter(lines.get(next))) {
					// a phone puts its footer under the writer's text; what follows unquoted is what it answers
					break;
				}
				i++;
				continue;
			}
			if (isWriters(line)) {
				lastWriters = i;
			}
			i++;
		}
		return lastWriters < 0 ? "" : String.join("\n", lines.subList(0, lastWriters + 1)).strip();
	}

	/** The writer's note above a forwarded message (its signature cut), then the forwarded message whole. */
	private static String withForward(List<String> lines, int start) {
		String note = writersPart(lines.subList(0, start), false);
		String forwarded = String.join("\n", lines.subList(start, lines.size())).strip();
		return note.isEmpty() ? forwarded : note + "\n\n" + forwarded;
	}

	/**
	 * Where the signature that line {@code i} opens ends (at a quote, a header or the end), or -1 when
	 * line {@code i} opens none. A delimiter right below a line that announces something ("Here are the
	 * details:") separates the body, it does not end it.
	 */
	private static int signatureBlockEnd(List<String> lines, QuoteHeaders.Finder headers, int i,
			String lastWritersLine) {
		if (!Signatures.isDelimiter(lines.get(i)) || lastWritersLine.strip().endsWith(":")) {
			return -1;
		}
		int end = i + 1;
		int written = 0;
		while (end < lines.size() && !isQuoted(lines.get(end)) && headers.at(end).isEmpty()) {
			if (!lines.get(end).isBlank() && ++written > Signatures.LONGEST) {
				return -1; // longer than any signature: the body goes on
			}
			end++;
		}
		return Signatures.isSignatureBlock(lines.get(i).stripLeading(), lines.subList(i + 1, end)) ? end : -1;
	}

	private static String lastWritten(List<String> kept) {
		for (int j = kept.size() - 1; j >= 0; j--) {
			if (isWriters(kept.get(j))) {
				return kept.get(j);
			}
		}
		return "";
	}

	private static boolean isWriters(String line) {
		return !line.isBlank() && !isQuoted(line) && !DECORATION.matcher(line).matches();
	}

	private static int nextNonBlank(List<String> lines, int from) {
		int j = from;
		while (j < lines.size() && lines.get(j).isBlank()) {
			j++;
		}
		return j;
	}

	private static List<String> lines(String text) {
		return Arrays.asList(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
	}

}
