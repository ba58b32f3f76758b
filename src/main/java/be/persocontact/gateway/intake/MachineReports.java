package be.persocontact.gateway.intake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.persocontact.gateway.intake.IntakeCheck.MachineReport;
import be.persocontact.gateway.intake.IntakeCheck.PermanentFailure;

/**
 * What a machine's mail is about: the Message-IDs of the mails it answers or returns, and for a bounce
 * the recipients its delivery status report (RFC 3464 §2.3) says failed for good.
 */
final class MachineReports {

	private static final List<String> RETURNED_PARTS = List.of("message/rfc822", "text/rfc822-headers",
			"message/rfc822-headers", "message/global", "message/global-headers");

	private static final Pattern MESSAGE_ID_LINE = Pattern.compile("(?im)^[ \\t>]*Message-ID:\\s*(<[^<>\\s]+>)");

	private static final Pattern FIELD = Pattern.compile("(?im)^([A-Za-z-]+):[ \\t]*(.*)$");

	private MachineReports() {
	}

	static MachineReport of(ParsedMail mail, Outcome outcome) {
		return switch (outcome) {
			case IGNORED_BOUNCE -> new MachineReport(originalMessageIds(mail), permanentFailures(mail));
			case IGNORED_AUTO_REPLY, IGNORED_READ_RECEIPT, IGNORED_FEEDBACK_REPORT ->
				new MachineReport(mail.referencedMessageIds(), List.of());
			default -> MachineReport.NONE;
		};
	}

	/**
	 * The returned mail's Message-ID (a returned message or its headers, or the copy a carrier quotes in
	 * the text), then what the bounce answers (In-Reply-To, References).
	 */
	static List<String> originalMessageIds(ParsedMail mail) {
		Set<String> ids = new LinkedHashSet<>();
		for (String type : RETURNED_PARTS) {
			String returned = mail.partText(type);
			Matcher matcher = returned == null ? null : MESSAGE_ID_LINE.matcher(returned);
			if (matcher != null && matcher.find()) {
				ids.add(matcher.group(1));
			}
		}
		String text = mail.partText("text/plain");
		if (text != null) {
			Matcher quoted = MESSAGE_ID_LINE.matcher(text);
			while (quoted.find()) {
				ids.add(quoted.group(1));
			}
		}
		ids.addAll(mail.referencedMessageIds());
		return List.copyOf(ids);
	}

	/** Recipients whose per-recipient block says {@code Action: failed} with a 5.x.x status. */
	static List<PermanentFailure> permanentFailures(ParsedMail mail) {
		String status = mail.partText("message/delivery-status");
		if (status == null) {
			status = mail.partText("message/global-delivery-status");
		}
		List<PermanentFailure> failed = new ArrayList<>();
		if (status == null) {
			return failed;
		}
		for (String block : status.replace("\r\n", "\n").split("\n\\s*\n")) {
			String recipient = field(block, "final-recipient");
			if (recipient == null) {
				recipient = field(block, "original-recipient");
			}
			String action = field(block, "action");
			String code = field(block, "status");
			if (recipient != null && action != null && action.toLowerCase(Locale.ROOT).startsWith("failed")
					&& code != null && code.startsWith("5")) {
				failed.add(new PermanentFailure(address(recipient), code.split("\\s+")[0]));
			}
		}
		return failed;
	}

	/** {@code rfc822; <Anna@Example.org>} → {@code anna@example.org}. */
	private static String address(String recipient) {
		int semicolon = recipient.indexOf(';');
		return (semicolon >= 0 ? recipient.substring(semicolon + 1) : recipient).strip()
			.replace("<", "")
			.replace(">", "")
			.toLowerCase(Locale.ROOT);
	}

	private static String field(String block, String name) {
		Matcher matcher = FIELD.matcher(block);
		while (matcher.find()) {
			if (matcher.group(1).equalsIgnoreCase(name)) {
				return matcher.group(2).strip();
			}
		}
		return null;
	}

}
