package be.persocontact.gateway.notification;

import java.util.regex.Pattern;

/**
 * Text a sender chose (a subject) that our mails repeat. Anyone can send the helpdesk a mail with any
 * address as sender; if our answer repeated a link from its subject, the helpdesk would deliver
 * phishing in its own name. Links and host names become {@code […]}; mail clients turn both into
 * clickable links.
 */
final class EchoedText {

	private static final String REMOVED = "[…]";

	/** A URL with a scheme, or anything starting with {@code www.}. */
	private static final Pattern URL = Pattern.compile("(?i)\\b(?:[a-z][a-z0-9+.-]{1,15}:(?://)?|www\\.)[^\\s<>\"]+");

	/** A bare host name with a top-level domain clients link (and an optional path). */
	private static final Pattern HOST = Pattern.compile("(?i)(?<![@\\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
			+ "(?:com|net|org|info|biz|io|co|be|nl|fr|de|lu|eu|uk|ch|at|it|es|pt|pl|ru|cn|us|ca|au|in|br|jp|xyz|top"
			+ "|site|online|app|dev|me|ly|gl|link|click|live|shop|store|club|icu|tk|ml|ga|cf|gq|ws|cc|tv|to|gov|edu"
			+ "|int|page|cloud|tech|support|help|email|mail|login|secure|work|team|vip|pro|mobi|name|ai|gg)"
			+ "(?![\\w-])(?:/[^\\s<>\"]*)?");

	private EchoedText() {
	}

	static String withoutLinks(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String withoutUrls = URL.matcher(text).replaceAll(REMOVED);
		return HOST.matcher(withoutUrls).replaceAll(REMOVED);
	}

}
