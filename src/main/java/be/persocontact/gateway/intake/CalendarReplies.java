package be.persocontact.gateway.intake;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Is this an attendee's answer to a meeting invitation (iMIP, RFC 6047): accepted, declined,
 * tentative, or a new time proposed? A calendar client sends it when someone clicks a button; it asks
 * nothing and must never open a ticket or be answered.
 * <p>
 * Invitations themselves ({@code METHOD:REQUEST}) and cancellations go on: a person sent them to the
 * helpdesk, maybe to ask for a meeting about their case, and an officer should see that. A subject such
 * as "Accepted: …" alone proves nothing (a person may write it); it counts only with a calendar marker.
 */
final class CalendarReplies {

	/** The iTIP methods an attendee sends back to an organizer. */
	private static final Set<String> ATTENDEE_METHODS = Set.of("REPLY", "COUNTER", "REFRESH", "DECLINECOUNTER");

	/** Outlook, Exchange and Google response subjects in nl, fr, de, en. */
	private static final Pattern RESPONSE_SUBJECT = Pattern.compile("^\\s*(accepted|declined|tentative"
			+ "|tentatively accepted|new time proposed|geaccepteerd|geweigerd|voorlopig|voorlopig geaccepteerd"
			+ "|nieuwe tijd voorgesteld|accepté|refusé|provisoire|accepté provisoirement|nouvelle heure proposée"
			+ "|zugesagt|abgelehnt|mit vorbehalt|vorläufig zugesagt|neuer zeitpunkt vorgeschlagen)[\\s\\u00A0]*:",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern PARTSTAT = Pattern.compile("PARTSTAT=([A-Za-z-]+)", Pattern.CASE_INSENSITIVE);

	private CalendarReplies() {
	}

	static boolean isCalendarReply(ParsedMail mail) {
		return isAttendeeMethod(mail) || (RESPONSE_SUBJECT.matcher(mail.subject()).find() && isCalendarMessage(mail));
	}

	/** What the operator reads: the iTIP method and the attendee's answer, or the response subject. */
	static String describe(ParsedMail mail) {
		if (isAttendeeMethod(mail)) {
			return "iMIP " + mail.calendarMethod() + answer(mail);
		}
		Matcher subject = RESPONSE_SUBJECT.matcher(mail.subject());
		return subject.find() ? "calendar response: " + subject.group(1) : "calendar response";
	}

	private static boolean isAttendeeMethod(ParsedMail mail) {
		String method = mail.calendarMethod();
		return method != null && ATTENDEE_METHODS.contains(method);
	}

	/** Exchange marks meeting mail with a content class, and Outlook may send it as TNEF only. */
	private static boolean isCalendarMessage(ParsedMail mail) {
		String contentClass = mail.header("Content-Class");
		return (contentClass != null && contentClass.toLowerCase(Locale.ROOT).contains("calendarmessage"))
				|| mail.hasPart("application/ms-tnef") || mail.hasPart("application/vnd.ms-tnef");
	}

	/** The attendee's answer (PARTSTAT), for the operator reading the record. */
	private static String answer(ParsedMail mail) {
		String calendar = mail.partText("text/calendar");
		if (calendar == null) {
			calendar = mail.partText("application/ics");
		}
		Matcher partstat = calendar == null ? null : PARTSTAT.matcher(calendar);
		return partstat != null && partstat.find() ? " " + partstat.group(1).toUpperCase(Locale.ROOT) : "";
	}

}
