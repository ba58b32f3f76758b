package be.persocontact.gateway.intake;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Was this sent by a machine, going by a header that only machines write (or that our own receiving
 * server's spam filter added)? {@code X-Auto-Response-Suppress} is deliberately not one of them: Exchange
 * writes it on a person's mail to a distribution list, and it asks us not to auto-answer, it does not say
 * the mail was automatic (Discourse and Sisimai dropped it for the same reason).
 */
final class MachineHeaders {

	private static final Pattern YES = Pattern.compile("^\\s*yes\\b", Pattern.CASE_INSENSITIVE);

	private static final List<String> SPAM_VERDICTS = List.of("X-Spam-Flag", "X-Spam-Status", "X-Spam");

	private static final List<String> AUTO_REPLY_HEADERS = List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder",
			"X-Autoreply-From", "X-Mail-Autoreply", "X-MS-Exchange-Generated-Message-Source");

	private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list");

	private static final List<String> LIST_HEADERS = List.of("List-Id", "List-Post", "X-Mailing-List");

	/** What mass-mailing services and newsletters add: one-click unsubscribe, feedback loops, campaigns. */
	private static final List<String> MASS_MAILING_HEADERS = List.of("List-Unsubscribe", "List-Unsubscribe-Post",
			"Feedback-ID", "X-CSA-Complaints", "X-Campaign", "X-Campaign-Id", "X-CampaignID", "X-MC-User", "X-SG-EID",
			"X-Mailgun-Sid", "X-SES-Outgoing");

	private MachineHeaders() {
	}

	/** SpamAssassin's {@code X-Spam-Flag: YES} / {@code X-Spam-Status: Yes, score=…}, rspamd's {@code X-Spam: Yes}. */
	static boolean isFlaggedAsSpam(ParsedMail mail) {
		return SPAM_VERDICTS.stream().flatMap(name -> mail.headers(name).stream()).anyMatch(v -> YES.matcher(v).find());
	}

	/** RFC 3834 §5: any {@code Auto-Submitted} other than {@code no}. */
	static boolean isAutoSubmitted(ParsedMail mail) {
		String value = mail.header("Auto-Submitted");
		return value != null && !value.toLowerCase(Locale.ROOT).startsWith("no");
	}

	/** The X-Autoreply family of responders, Exchange's generated mail, First Class, a yes/true X-Loop. */
	static boolean hasAutoReplyHeader(ParsedMail mail) {
		return autoReplyHeader(mail) != null;
	}

	static String autoReplyHeader(ParsedMail mail) {
		for (String header : AUTO_REPLY_HEADERS) {
			if (mail.hasHeader(header)) {
				return header;
			}
		}
		for (String header : List.of("X-FC-Machinegenerated", "X-Loop")) {
			String value = mail.header(header);
			if (value != null && value.strip().toLowerCase(Locale.ROOT).matches("(yes|true)\\b.*")) {
				return header;
			}
		}
		return null;
	}

	static boolean hasAutoReplyPrecedence(ParsedMail mail) {
		return "auto_reply".equals(precedence(mail));
	}

	static boolean hasBulkPrecedence(ParsedMail mail) {
		String precedence = precedence(mail);
		return precedence != null && BULK_PRECEDENCE.contains(precedence);
	}

	/** RFC 2919 {@code List-Id}, RFC 2369 {@code List-Post}, and the older {@code X-Mailing-List}. */
	static boolean isListMail(ParsedMail mail) {
		return LIST_HEADERS.stream().anyMatch(mail::hasHeader);
	}

	static boolean hasMassMailingHeader(ParsedMail mail) {
		return MASS_MAILING_HEADERS.stream().anyMatch(mail::hasHeader);
	}

	static String precedence(ParsedMail mail) {
		String value = mail.header("Precedence");
		return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
	}

}
