package be.persocontact.gateway.intake;

import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Was this mail sent by a machine that says so (RFC 3834 {@code Auto-Submitted} other than "no",
 * {@code Precedence: bulk|junk|list|auto_reply}, the X-Autoreply family)? Answering such mail is how
 * two machines end up mailing each other forever.
 */
@Component
class IsAutoSubmitted implements IntakeCheck {

	private static final Set<String> MACHINE_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");

	@Override
	public Decision check(ParsedMail mail) {
		String autoSubmitted = mail.header("Auto-Submitted");
		if (autoSubmitted != null && !autoSubmitted.toLowerCase(Locale.ROOT).startsWith("no")) {
			return Decision.stop(Outcome.IGNORED_AUTO_REPLY, "Auto-Submitted: " + autoSubmitted);
		}
		String precedence = mail.header("Precedence");
		if (precedence != null && MACHINE_PRECEDENCE.contains(precedence.toLowerCase(Locale.ROOT).strip())) {
			return Decision.stop(Outcome.IGNORED_AUTO_REPLY, "Precedence: " + precedence);
		}
		for (String header : new String[] { "X-Autoreply", "X-Autorespond", "X-Autoresponder" }) {
			if (mail.header(header) != null) {
				return Decision.stop(Outcome.IGNORED_AUTO_REPLY, header + " present");
			}
		}
		return Decision.CONTINUE;
	}

}
