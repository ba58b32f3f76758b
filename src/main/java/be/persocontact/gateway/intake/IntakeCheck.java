package be.persocontact.gateway.intake;

/**
 * One step of the intake chain. A check either lets the message go on or ends its journey with a
 * typed outcome. Checks are small, named for what they ask, and ordered in {@link IntakeChain}.
 */
interface IntakeCheck {

	Decision check(ParsedMail mail);

	sealed interface Decision {

		Decision CONTINUE = new Continue();

		static Decision stop(Outcome outcome, String reason) {
			return new Stop(outcome, reason);
		}

	}

	record Continue() implements Decision {
	}

	record Stop(Outcome outcome, String reason) implements Decision {
	}

}
