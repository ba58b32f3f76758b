package be.persocontact.gateway.intake;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Is this an attendee's answer to a meeting invitation (iMIP, RFC 6047): accepted, declined,
 * tentative, or a new time proposed? A calendar client sends it when someone clicks a button; it asks
 * nothing and must never open a ticket or be answered.
 * <p>
 * Invitations themselves ({@code METHOD:REQUEST}) and cancellations go on: a person sent them to the
 * helpdesk, maybe to ask for a meeting about their case, and an officer should see that. A subject such
 * as "Accepted: …" alone proves nothing (a person may write it); it counts only with a calendar marker.
 */
@Component
class IsCalendarReply implements IntakeCheck {

	/** The iTIP methods an attendee sends back to an organizer. */
	private static final Set<String> ATTENDEE_METHODS = Set.of("REPLY", "COUNTER", "REFRESH", "DECLINECOUNTER");

	/** Outlook, Exchange and Google response subjects in nl, fr, de, en. */
	private static final Pattern RESPONSE_SUBJECT = Pattern.compile("^\\s*(accepted|declined|tentative"
			+ "|tentatively accepted|new time proposed|geaccepteerd|geweigerd|voorlopig|voorlopig geaccepteerd"
			+ "|nieuwe tijd voorgesteld|accepté|refusé|provisoire|accepté provisoirement|nouvelle heure proposée"
			+ "|zugesagt|abgelehnt|mit vorbehalt|vorläufig zugesagt|neuer zeitpunkt vorgeschlagen)[\\s\\u00A0]*:",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern PARTSTAT = Pattern.compile("PARTSTAT=([A-Za-z-]+)", Pattern.CASE_INSENSITIVE);

	@Override
	public Decision check(ParsedMail mail) {
		String method = mail.calendarMethod();
		if (method != null && ATTENDEE_METHODS.contains(method)) {
			return Decision.stop(Outcome.IGNORED_CALENDAR_REPLY, "iMIP " + method + answer(mail));
		}
		Matcher subject = RESPONSE_SUBJECT.matcher(mail.subject());
		if (subject.find() && isCalendarMessage(mail)) {
			return Decision.stop(Outcome.IGNORED_CALENDAR_REPLY, "calendar response: " + subject.group(1));
		}
		return Decision.CONTINUE;
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
