package be.persocontact.gateway.intake;

import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

/** Is this mailing-list or bulk mail ({@code Precedence: bulk|junk|list}, {@code List-Id})? */
@Component
class IsBulkMail implements IntakeCheck {

	private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list");

	@Override
	public Decision check(ParsedMail mail) {
		String precedence = mail.header("Precedence");
		if (precedence != null && BULK_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
			return Decision.stop(Outcome.IGNORED_BULK, "Precedence: " + precedence);
		}
		if (mail.hasHeader("List-Id") || mail.hasHeader("X-Mailing-List") || mail.hasHeader("List-Post")) {
			return Decision.stop(Outcome.IGNORED_BULK, "mailing list");
		}
		return Decision.CONTINUE;
	}

}
