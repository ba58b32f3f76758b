package be.persocontact.gateway.queue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

	/** The rules' phrase lists are few and fixed: each is built once, when a rule first asks, not for every ticket. */
	private static final Map<String, PhraseSet> PHRASES = new ConcurrentHashMap<>();

	/**
	 * How much of the attachments' text the rules read. The words that route a ticket sit at the top of a
	 * document; reading all of a long one made routing the dearest step of intake (issue 13).
	 */
	static final int ATTACHMENT_CHARS_FOR_ROUTING = 20_000;

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
				{ "attachment text", normalise(capped(attachmentText)) } };
	}

	/**
	 * Whether the subject, the message or the text of an attachment mentions one of the phrases
	 * ({@code |}-separated). Case and accents do not matter ({@code certificat medical} finds
	 * {@code Certificat Médical}); a phrase must start a word and may end inside one, so that
	 * {@code loon} finds {@code loonfiche}. When several phrases occur, the one listed first is named,
	 * in the first text (subject, message, attachment text) where it occurs.
	 */
	public boolean mentions(String phrases) {
		PhraseSet set = PHRASES.computeIfAbsent(phrases, PhraseSet::new);
		int best = Integer.MAX_VALUE;
		String where = null;
		for (String[] text : this.texts) {
			int first = set.firstListedIn(text[1]);
			if (first < best) {
				best = first;
				where = text[0];
			}
		}
		if (where == null) {
			return false;
		}
		this.matched = "'" + set.phrases[best] + "' in the " + where;
		return true;
	}

	/**
	 * One rule's phrases as a trie over normalised text, built once per phrase list: a text is read in
	 * one pass, walking the trie only from the start of each word, instead of one regex run per phrase.
	 */
	static final class PhraseSet {

		private final String[] phrases;

		private final Node root = new Node();

		PhraseSet(String list) {
			List<String> kept = new ArrayList<>();
			for (String phrase : list.split("\\|")) {
				String normal = normalise(phrase);
				if (normal.isEmpty()) {
					continue;
				}
				Node node = this.root;
				for (int i = 0; i < normal.length(); i++) {
					node = node.next.computeIfAbsent(normal.charAt(i), c -> new Node());
				}
				if (node.phrase < 0) {
					node.phrase = kept.size();
				}
				kept.add(phrase.strip());
			}
			this.phrases = kept.toArray(String[]::new);
		}

		/** The index of the first-listed phrase that occurs in this normalised text; MAX_VALUE if none. */
		int firstListedIn(String text) {
			int best = Integer.MAX_VALUE;
			for (int start = 0; start < text.length() && best > 0; start++) {
				if (start > 0 && isLetterOrNumber(text.codePointBefore(start))) {
					continue;
				}
				Node node = this.root;
				for (int i = start; i < text.length(); i++) {
					node = node.next.get(text.charAt(i));
					if (node == null) {
						break;
					}
					if (node.phrase >= 0 && node.phrase < best) {
						best = node.phrase;
					}
				}
			}
			return best;
		}

		/** As the former pattern's {@code [\\p{L}\\p{N}]}: a phrase must not start inside a word. */
		private static boolean isLetterOrNumber(int codePoint) {
			int type = Character.getType(codePoint);
			return Character.isLetter(codePoint) || type == Character.DECIMAL_DIGIT_NUMBER
					|| type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
		}

		private static final class Node {

			private final Map<Character, Node> next = new HashMap<>(4);

			private int phrase = -1;

		}

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

	private static String capped(String text) {
		return text == null || text.length() <= ATTACHMENT_CHARS_FOR_ROUTING ? text
				: text.substring(0, ATTACHMENT_CHARS_FOR_ROUTING);
	}

	static String normalise(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").toLowerCase(Locale.ROOT);
	}

}
