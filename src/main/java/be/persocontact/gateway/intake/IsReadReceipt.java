package be.persocontact.gateway.intake;

import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/** Is this a read receipt (MDN, RFC 8098, or the subject-only kind some clients send)? */
@Component
class IsReadReceipt implements IntakeCheck {

	private static final Pattern READ_SUBJECT = Pattern.compile("^\\s*(read|gelezen|lu|gelesen)\\s*:",
			Pattern.CASE_INSENSITIVE);

	@Override
	public Decision check(ParsedMail mail) {
		boolean mdn = "disposition-notification".equals(mail.reportType())
				|| mail.partText("message/disposition-notification") != null;
		boolean receiptSubject = READ_SUBJECT.matcher(mail.subject()).find()
				&& mail.contentType().startsWith("multipart/report");
		if (mdn || receiptSubject) {
			return new Stop(Outcome.IGNORED_READ_RECEIPT, "read receipt",
					new MachineReport(mail.referencedMessageIds(), java.util.List.of()));
		}
		return Decision.CONTINUE;
	}

}
