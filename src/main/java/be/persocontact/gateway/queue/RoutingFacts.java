package be.persocontact.gateway.queue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the routing rules ({@code routes/ticket-routing.camel.yaml}) see of a new ticket. The rules call
 * these methods from Camel's simple language, e.g. {@code ${body.mentions('medisch attest|certificat
 * médical')}}; each match remembers what matched where, so that the timeline can say why a ticket
 * landed in its queue.
 */
public class RoutingFacts {

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

	private final Text[] texts;

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
		this.texts = new Text[] { new Text("subject", subject), new Text("message", message),
				new Text("attachment text", capped(attachmentText)) };
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
		for (Text text : this.texts) {
			int first = set.firstListedIn(text);
			if (first < best) {
				best = first;
				where = text.name;
			}
		}
		if (where == null) {
			return false;
		}
		this.matched = "'" + set.phrases[best] + "' in the " + where;
		return true;
	}

	/**
	 * One of the texts the rules read, normalised, with where its words start: found once per ticket,
	 * not once for each rule that asks.
	 */
	static final class Text {

		private final String name;

		private final String chars;

		private final int[] wordStarts;

		Text(String name, String original) {
			this.name = name;
			this.chars = normalise(original);
			int[] starts = new int[16];
			int count = 0;
			for (int at = 0; at < this.chars.length(); at++) {
				if (at == 0 || !isLetterOrNumber(this.chars.codePointBefore(at))) {
					if (count == starts.length) {
						starts = java.util.Arrays.copyOf(starts, count * 2);
					}
					starts[count++] = at;
				}
			}
			this.wordStarts = java.util.Arrays.copyOf(starts, count);
		}

		/** As the former pattern's {@code [\p{L}\p{N}]}: a phrase must not start inside a word. */
		private static boolean isLetterOrNumber(int codePoint) {
			int type = Character.getType(codePoint);
			return Character.isLetter(codePoint) || type == Character.DECIMAL_DIGIT_NUMBER
					|| type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
		}

	}

	/**
	 * One rule's phrases as a trie over normalised text, built once per phrase list: a text is read in
	 * one pass, walking the trie only from the start of each word, instead of one regex run per phrase.
	 */
	static final class PhraseSet {

		private final String[] phrases;

		private final Node root;

		PhraseSet(String list) {
			List<String> kept = new ArrayList<>();
			Map<String, Integer> firstListed = new HashMap<>();
			for (String phrase : list.split("\\|")) {
				String normal = normalise(phrase);
				if (normal.isEmpty()) {
					continue;
				}
				firstListed.putIfAbsent(normal, kept.size());
				kept.add(phrase.strip());
			}
			this.phrases = kept.toArray(String[]::new);
			this.root = Node.of("", firstListed);
		}

		/** The index of the listed-first phrase that occurs in the text; {@code MAX_VALUE} when none does. */
		int firstListedIn(Text text) {
			String chars = text.chars;
			int best = Integer.MAX_VALUE;
			for (int w = 0; w < text.wordStarts.length && best > 0; w++) {
				Node node = this.root;
				for (int i = text.wordStarts[w]; i < chars.length(); i++) {
					node = node.next(chars.charAt(i));
					if (node == null) {
						break;
					}
					if (node.phrase < best) {
						best = node.phrase;
					}
				}
			}
			return best;
		}

		/**
		 * A node of the trie, its children in arrays: the characters sorted, looked up by binary search
		 * (most nodes have one child), the root's ASCII children by index.
		 */
		private static final class Node {

			private final char[] keys;

			private final Node[] children;

			private final Node[] ascii;

			/** The phrase that ends here, or {@code MAX_VALUE}. */
			private final int phrase;

			private Node(char[] keys, Node[] children, boolean root, int phrase) {
				this.keys = keys;
				this.children = children;
				this.phrase = phrase;
				this.ascii = root ? new Node[128] : null;
				if (root) {
					for (int i = 0; i < keys.length && keys[i] < 128; i++) {
						this.ascii[keys[i]] = children[i];
					}
				}
			}

			/** The node for a prefix, given every phrase with the index it was first listed at. */
			static Node of(String prefix, Map<String, Integer> phrases) {
				java.util.TreeSet<Character> following = new java.util.TreeSet<>();
				for (String phrase : phrases.keySet()) {
					if (phrase.length() > prefix.length() && phrase.startsWith(prefix)) {
						following.add(phrase.charAt(prefix.length()));
					}
				}
				char[] keys = new char[following.size()];
				Node[] children = new Node[following.size()];
				int i = 0;
				for (char c : following) {
					keys[i] = c;
					children[i++] = of(prefix + c, phrases);
				}
				return new Node(keys, children, prefix.isEmpty(), phrases.getOrDefault(prefix, Integer.MAX_VALUE));
			}

			Node next(char c) {
				if (this.ascii != null && c < 128) {
					return this.ascii[c];
				}
				int at = java.util.Arrays.binarySearch(this.keys, c);
				return at < 0 ? null : this.children[at];
			}

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

	/**
	 * Accents (combining marks after decomposition) dropped, each run of blanks and apostrophes one space,
	 * lower case: in one pass over the decomposed text.
	 */
	static String normalise(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		StringBuilder normal = new StringBuilder(decomposed.length());
		boolean space = false;
		for (int at = 0; at < decomposed.length();) {
			int c = decomposed.codePointAt(at);
			at += Character.charCount(c);
			if (isMark(c)) {
				continue; // as if it were not there: the blanks around it are one run
			}
			if (isSpace(c)) {
				space = true;
				continue;
			}
			if (space) {
				normal.append(' ');
				space = false;
			}
			normal.appendCodePoint(c);
		}
		if (space) {
			normal.append(' ');
		}
		return normal.toString().toLowerCase(Locale.ROOT);
	}

	/** A combining mark (the former pattern's {@code \p{M}}). */
	private static boolean isMark(int c) {
		int type = Character.getType(c);
		return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
				|| type == Character.COMBINING_SPACING_MARK;
	}

	/**
	 * An ASCII blank (the former pattern's {@code \s}), a no-break space, or an apostrophe: apostrophes
	 * become spaces, so that a rule's {@code d acte} finds both {@code d'acte} and {@code d’acte}.
	 */
	private static boolean isSpace(int c) {
		return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == 0xA0 || c == '\''
				|| c == 0x2018 || c == 0x2019 || c == '`';
	}

}
