package be.persocontact.gateway.intake;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Is this a machine's report, by its MIME structure? No mail program of a person writes these parts.
 * The top-level type is read from the raw {@code Content-Type} header, so that a report whose parameters
 * do not parse (a stray quote after a misspelled charset, an unquoted {@code =} in the boundary) is
 * still a report. Parts inside a forwarded {@code message/rfc822} are not looked at: a person
 * forwarding a bounce or one of our mails as an attachment is still a person.
 */
final class ReportParts {

	private static final Pattern MULTIPART_REPORT = Pattern.compile("^\\s*multipart\\s*/\\s*report\\s*(;|$)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern REPORT_TYPE = Pattern.compile("report-type\\s*=\\s*\"?\\s*([A-Za-z0-9_.-]+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern READ_RECEIPT_SUBJECT = Pattern.compile(
			"^\\s*(read|gelezen|lu|gelesen|leído|leido|letto|lido)\\s*:", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private ReportParts() {
	}

	/** RFC 3464 (and RFC 6533 for its internationalised form). */
	static boolean isDeliveryStatusReport(ParsedMail mail) {
		return "delivery-status".equals(reportType(mail)) || mail.hasPart("message/delivery-status")
				|| mail.hasPart("message/global-delivery-status");
	}

	/** RFC 8098 (MDN), and the read receipts that only say so in the subject of a report. */
	static boolean isDispositionNotification(ParsedMail mail) {
		return "disposition-notification".equals(reportType(mail)) || mail.hasPart("message/disposition-notification")
				|| mail.hasPart("message/global-disposition-notification")
				|| (isReport(mail) && READ_RECEIPT_SUBJECT.matcher(mail.subject()).find());
	}

	/** RFC 5965 (ARF). */
	static boolean isFeedbackReport(ParsedMail mail) {
		return "feedback-report".equals(reportType(mail)) || mail.hasPart("message/feedback-report");
	}

	/** RFC 6522: a {@code multipart/report} is a report whatever its {@code report-type}, or without one. */
	static boolean isReport(ParsedMail mail) {
		String contentType = mail.header("Content-Type");
		return contentType != null && MULTIPART_REPORT.matcher(contentType).find();
	}

	/** RFC 6522 §4: the headers of a returned message, as bounces carry them. */
	static boolean carriesReturnedHeaders(ParsedMail mail) {
		return mail.hasPart("text/rfc822-headers") || mail.hasPart("message/rfc822-headers")
				|| mail.hasPart("message/global-headers");
	}

	/** The {@code report-type} of a top-level {@code multipart/report}, lower case; empty without one. */
	static String reportType(ParsedMail mail) {
		if (!isReport(mail)) {
			return null;
		}
		Matcher type = REPORT_TYPE.matcher(mail.header("Content-Type"));
		return type.find() ? type.group(1).toLowerCase(Locale.ROOT) : "";
	}

}
