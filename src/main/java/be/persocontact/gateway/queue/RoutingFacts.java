package be.persocontact.gateway.queue;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the routing rules ({@code routes/ticket-routing.camel.yaml}) see of a new ticket. The rules call
 * these methods from Camel's simple language, e.g. {@code ${body.mentions('medisch attest|certificat
 * médical')}}; each match remembers what matched where, so that the timeline can say why a ticket
 * landed in its queue.
 */
public class RoutingFacts {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** Apostrophes become spaces, so that a rule's {@code d acte} finds both {@code d'acte} and {@code d’acte}. */
	private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0'\\u2018\\u2019`]+");

	/** The rules' phrase lists are few and fixed: each is compiled once, not for every ticket. */
	private static final Map<String, List<Phrase>> PHRASES = new ConcurrentHashMap<>();

	private final String formCode;

	private final String senderDomain;

	private final String language;

	private final String[][] texts;

	private String matched;

	private String defaultQueue;

	RoutingFacts(String formCode, String senderAddress, String language, String subject, String message,
			String attachmentText) {
		this(formCode, senderAddress, language, subject, message, attachmentText, null);
	}

	RoutingFacts(String formCode, String senderAddress, String language, String subject, String message,
			String attachmentText, String defaultQueue) {
		this.defaultQueue = defaultQueue;
		this.formCode = formCode;
		int at = senderAddress == null ? -1 : senderAddress.lastIndexOf('@');
		this.senderDomain = at < 0 ? "" : senderAddress.substring(at + 1).toLowerCase(Locale.ROOT);
		this.language = language;
		this.texts = new String[][] { { "subject", normalise(subject) }, { "message", normalise(message) },
				{ "attachment text", normalise(attachmentText) } };
	}

	/**
	 * Whether the subject, the message or the text of an attachment mentions one of the phrases
	 * ({@code |}-separated). Case and accents do not matter ({@code certificat medical} finds
	 * {@code Certificat Médical}); a phrase must start a word and may end inside one, so that
	 * {@code loon} finds {@code loonfiche}.
	 */
	public boolean mentions(String phrases) {
		for (Phrase phrase : PHRASES.computeIfAbsent(phrases, RoutingFacts::compile)) {
			for (String[] text : this.texts) {
				Matcher matcher = phrase.pattern().matcher(text[1]);
				if (matcher.find()) {
					this.matched = "'" + phrase.text() + "' in the " + text[0];
					return true;
				}
			}
		}
		return false;
	}

	private record Phrase(String text, Pattern pattern) {
	}

	private static List<Phrase> compile(String phrases) {
		return Arrays.stream(phrases.split("\\|"))
			.filter(phrase -> !normalise(phrase).isEmpty())
			.map(phrase -> new Phrase(phrase.strip(),
					Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(normalise(phrase)))))
			.toList();
	}

	/** Whether the sender's domain is one of these ({@code |}-separated), or a subdomain of one. */
	public boolean senderDomainIn(String domains) {
		for (String domain : domains.split("\\|")) {
			String wanted = domain.strip().toLowerCase(Locale.ROOT);
			if (!wanted.isEmpty() && (this.senderDomain.equals(wanted) || this.senderDomain.endsWith("." + wanted))) {
				this.matched = "sender domain " + this.senderDomain;
				return true;
			}
		}
		return false;
	}

	/** The catalogue form of a portal submission; null for a mail. */
	public String getFormCode() {
		return this.formCode;
	}

	public String getSenderDomain() {
		return this.senderDomain;
	}

	/** nl, fr, de or en: declared by the mail, else guessed from its words. */
	public String getLanguage() {
		return this.language;
	}

	/**
	 * The queue of a ticket no rule claims: the default queue of the mailbox it came in on
	 * ({@code gateway.mailboxes[].default-queue}), else the default queue of {@code queues.yaml}.
	 */
	public String getDefaultQueue() {
		return this.defaultQueue;
	}

	/** The queues' own default, for a ticket whose mailbox names none. */
	void defaultQueueUnlessSet(String queue) {
		if (this.defaultQueue == null) {
			this.defaultQueue = queue;
		}
	}

	/** What the last successful {@code mentions}/{@code senderDomainIn} matched, for the timeline. */
	public String getMatched() {
		return this.matched;
	}

	static String normalise(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").toLowerCase(Locale.ROOT);
	}

}
