package be.persocontact.gateway.intake;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeUtility;

/**
 * Was this sent by a machine, going by its sender? Read from the raw {@code From} and {@code Sender}
 * headers and every {@code Return-Path}, so that a sender lenient parsing cannot use (a bare
 * {@code MAILER-DAEMON}, {@code postmaster@localhost}) still counts.
 */
final class MachineSenders {

	/** Mail systems' own addresses: RFC 5321 §4.5.1, sendmail/Postfix/Exim, MDaemon, Exchange, carriers. */
	private static final Pattern MAIL_SYSTEM = Pattern.compile("mailer[-_]?daemon|mail[-_]?daemon|mdaemon"
			+ "|post[-_]?master|mailer|microsoftexchange[0-9a-f]{32}", Pattern.CASE_INSENSITIVE);

	private static final Pattern MAIL_SYSTEM_NAME = Pattern.compile("\\bmail delivery (system|subsystem|service)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * Mailing-list managers: LISTSERV, Majordomo, Sympa, Mailman, and the owner-/-bounces addresses they
	 * send from. Not "…-owner": "process-owner@" may be a shared mailbox people write from (Mailman's own
	 * notices carry X-Mailman-Version).
	 */
	private static final Pattern LIST_MANAGER = Pattern.compile("listserv|majordomo|sympa|mailman|ecartis|listproc"
			+ "|owner-.+|.+-bounces(\\+.*)?", Pattern.CASE_INSENSITIVE);

	private static final List<String> LIST_MANAGER_HEADERS = List.of("X-List-Administrivia", "X-Mailman-Version",
			"X-Listserver", "X-Listprocessor-Version");

	private static final Pattern NO_REPLY = Pattern.compile("(^|.*[-_.+])(no[-_.]?reply|do[-_.]?not[-_.]?reply"
			+ "|dont[-_.]?reply)([-_.+].*|$)", Pattern.CASE_INSENSITIVE);

	private static final Pattern ADDRESS = Pattern.compile("([^\\s<>\"(),;:@\\[\\]]+)@[^\\s<>\"(),;]*");

	private static final Pattern BRACKETED_WORD = Pattern.compile("<\\s*([^\\s<>@]+)\\s*>");

	private static final Pattern NULL_PATH = Pattern.compile("^\\s*(\\([^)]*\\)\\s*)*<\\s*>");

	private MachineSenders() {
	}

	/** MAILER-DAEMON, postmaster, post_master, mailer… or a "Mail Delivery System" by name. */
	static boolean isFromMailSystem(ParsedMail mail) {
		return senderLocalParts(mail).stream().anyMatch(local -> MAIL_SYSTEM.matcher(local).matches())
				|| MAIL_SYSTEM_NAME.matcher(decoded(mail.header("From"))).find();
	}

	/** RFC 5321 §4.5.5: a mail sent with the null reverse path must never be answered. Any Return-Path counts. */
	static boolean hasNullReversePath(ParsedMail mail) {
		return mail.headers("Return-Path").stream().anyMatch(path -> NULL_PATH.matcher(path).find());
	}

	static boolean isFromListManager(ParsedMail mail) {
		return senderLocalParts(mail).stream().anyMatch(local -> LIST_MANAGER.matcher(local).matches())
				|| LIST_MANAGER_HEADERS.stream().anyMatch(mail::hasHeader);
	}

	static boolean isFromNoReplyAddress(ParsedMail mail) {
		return senderLocalParts(mail).stream().anyMatch(local -> NO_REPLY.matcher(local).matches());
	}

	/** The sender, for the record. */
	static String sender(ParsedMail mail) {
		return mail.fromAddress() != null ? mail.fromAddress() : String.valueOf(mail.header("From"));
	}

	/** Local parts of the From and Sender addresses, however malformed the headers. */
	static List<String> senderLocalParts(ParsedMail mail) {
		List<String> locals = new ArrayList<>();
		for (String header : List.of("From", "Sender")) {
			for (String value : mail.headers(header)) {
				Matcher address = ADDRESS.matcher(value);
				while (address.find()) {
					locals.add(address.group(1).toLowerCase(Locale.ROOT));
				}
				Matcher bare = BRACKETED_WORD.matcher(value);
				while (bare.find()) {
					locals.add(bare.group(1).toLowerCase(Locale.ROOT));
				}
				if (!value.isBlank() && !value.strip().contains(" ") && !value.contains("@")) {
					locals.add(value.strip().toLowerCase(Locale.ROOT));
				}
			}
		}
		return locals;
	}

	private static String decoded(String header) {
		if (header == null) {
			return "";
		}
		try {
			return MimeUtility.decodeText(header);
		}
		catch (UnsupportedEncodingException | RuntimeException ex) {
			return header;
		}
	}

}
