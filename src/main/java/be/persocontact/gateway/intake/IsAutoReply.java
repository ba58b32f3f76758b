package be.persocontact.gateway.intake;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Is this an auto-reply or out-of-office? RFC 3834 {@code Auto-Submitted} other than "no", the
 * X-Autoreply family, {@code X-Auto-Response-Suppress} (set by Exchange on its own automatic mail),
 * {@code Precedence: auto_reply}, and the out-of-office subjects of Exchange, Gmail, Zimbra and others in
 * Dutch, French, German and English. Answering such mail is how two machines mail each other forever.
 * Bare words such as "Afwezigheid:", "Absence :" or "Abwesend:" do not count: on an HR helpdesk they are
 * how employees report an absence.
 */
@Component
class IsAutoReply implements IntakeCheck {

	static final Pattern OUT_OF_OFFICE_SUBJECT = Pattern.compile("^\\s*(" + "(automatic reply|auto[- ]?reply|autoreply|"
			+ "out of (the )?office|away from (the )?office|on vacation|vacation reply|"
			+ "automatisch antwoord|automatisch bericht|afwezigheidsbericht|afwezigheidsmelding|buiten kantoor|"
			+ "réponse automatique|reponse automatique|absent\\(e\\)|absent du bureau|message d'absence|"
			+ "automatische antwort|abwesenheitsnotiz|nicht im büro|außer haus|ausser haus)"
			+ ")\\s*[:\\-(\\[]", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	@Override
	public Decision check(ParsedMail mail) {
		String autoSubmitted = mail.header("Auto-Submitted");
		if (autoSubmitted != null && !autoSubmitted.toLowerCase(Locale.ROOT).startsWith("no")) {
			return stop(mail, "Auto-Submitted: " + autoSubmitted);
		}
		for (String header : new String[] { "X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Autoreply-From",
				"X-Mail-Autoreply", "X-Auto-Response-Suppress", "X-MS-Exchange-Generated-Message-Source" }) {
			if (mail.hasHeader(header)) {
				return stop(mail, header + " present");
			}
		}
		String precedence = mail.header("Precedence");
		if (precedence != null && precedence.strip().equalsIgnoreCase("auto_reply")) {
			return stop(mail, "Precedence: auto_reply");
		}
		String returnPath = mail.returnPath();
		if (returnPath != null && returnPath.isEmpty()) {
			return stop(mail, "null return path");
		}
		if (OUT_OF_OFFICE_SUBJECT.matcher(mail.subject()).find()) {
			return stop(mail, "out-of-office subject");
		}
		return Decision.CONTINUE;
	}

	private static Stop stop(ParsedMail mail, String reason) {
		return new Stop(Outcome.IGNORED_AUTO_REPLY, reason,
				new MachineReport(mail.referencedMessageIds(), java.util.List.of()));
	}

}
