package be.persocontact.gateway.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Is this a bounce? A delivery status notification ({@code multipart/report;
 * report-type=delivery-status}, RFC 3464), a mail with the null return path, or one from
 * MAILER-DAEMON/postmaster. Tells which of our mails bounced and which recipients failed for good
 * (status 5.x.x), so that the address can be marked as failing.
 */
@Component
class IsBounce implements IntakeCheck {

	private static final Pattern DAEMON = Pattern.compile("^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern BOUNCE_SUBJECT = Pattern.compile("^\\s*(undeliverable|undelivered mail|"
			+ "delivery status notification|mail delivery (failed|failure|system)|returned mail|failure notice|"
			+ "non remis|non distribuable|onbestelbaar|niet bezorgd|unzustellbar|nicht zustellbar)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ORIGINAL_MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^<>\\s]+>)");

	@Override
	public Decision check(ParsedMail mail) {
		String reportType = mail.reportType();
		String returnPath = mail.returnPath();
		String from = mail.fromAddress() == null ? "" : mail.fromAddress();
		boolean dsn = "delivery-status".equals(reportType) || mail.partText("message/delivery-status") != null;
		boolean nullSender = returnPath != null && returnPath.isEmpty();
		boolean daemon = DAEMON.matcher(from).find();
		boolean bounceSubject = BOUNCE_SUBJECT.matcher(mail.subject()).find();
		// a null return path alone is also how auto-responders write (RFC 3834): IsAutoReply takes those
		if (!dsn && !daemon && !(nullSender && bounceSubject)) {
			return Decision.CONTINUE;
		}
		String reason = dsn ? "delivery status notification" : daemon ? "from " + from : "null return path";
		return new Stop(Outcome.IGNORED_BOUNCE, reason,
				new MachineReport(originalMessageIds(mail), permanentFailures(mail)));
	}

	/** The bounced mail's Message-ID from the returned message or headers, else what the bounce answers. */
	private static List<String> originalMessageIds(ParsedMail mail) {
		List<String> ids = new ArrayList<>();
		for (String type : List.of("message/rfc822", "text/rfc822-headers", "message/rfc822-headers")) {
			String returned = mail.partText(type);
			if (returned != null) {
				Matcher matcher = ORIGINAL_MESSAGE_ID.matcher(returned);
				if (matcher.find()) {
					ids.add(matcher.group(1));
				}
			}
		}
		ids.addAll(mail.referencedMessageIds());
		return ids.stream().distinct().toList();
	}

	/** Recipients whose per-recipient block says {@code Action: failed} with a 5.x.x status. */
	static List<String> permanentFailures(ParsedMail mail) {
		String status = mail.partText("message/delivery-status");
		List<String> failed = new ArrayList<>();
		if (status == null) {
			return failed;
		}
		for (String block : status.replace("\r\n", "\n").split("\n\\s*\n")) {
			String recipient = field(block, "Final-Recipient");
			if (recipient == null) {
				recipient = field(block, "Original-Recipient");
			}
			String action = field(block, "Action");
			String code = field(block, "Status");
			if (recipient != null && action != null && action.toLowerCase(Locale.ROOT).startsWith("failed")
					&& code != null && code.strip().startsWith("5")) {
				int semicolon = recipient.indexOf(';');
				failed.add((semicolon >= 0 ? recipient.substring(semicolon + 1) : recipient).strip()
					.replace("<", "")
					.replace(">", "")
					.toLowerCase(Locale.ROOT));
			}
		}
		return failed;
	}

	private static String field(String block, String name) {
		Matcher matcher = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.+)$").matcher(block);
		return matcher.find() ? matcher.group(1).strip() : null;
	}

}
