package be.persocontact.gateway.intake;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The order of the intake checks, visible in one place. Duplicates are caught before this chain, when
 * the raw message is recorded; threading and ticket creation come after it.
 */
@Component
class IntakeChain {

	private final List<IntakeCheck> checks;

	IntakeChain(IsOwnMail isOwnMail, IsAutoSubmitted isAutoSubmitted) {
		this.checks = List.of(
				isOwnMail, // 10: our own mail coming back
				isAutoSubmitted // 20: machines that say they are machines
		);
	}

	IntakeCheck.Decision run(ParsedMail mail) {
		for (IntakeCheck check : this.checks) {
			IntakeCheck.Decision decision = check.check(mail);
			if (decision instanceof IntakeCheck.Stop) {
				return decision;
			}
		}
		return IntakeCheck.Decision.CONTINUE;
	}

}
