package be.persocontact.gateway.intake;

import java.util.List;

/**
 * One step of the intake chain. A check either lets the message go on or ends its journey with a
 * typed outcome. Checks are small, named for the question they ask, and ordered in {@link IntakeChain}.
 */
interface IntakeCheck {

	Decision check(ParsedMail mail);

	sealed interface Decision permits Continue, Stop {

		Decision CONTINUE = new Continue();

		static Stop stop(Outcome outcome, String reason) {
			return new Stop(outcome, reason, MachineReport.NONE);
		}

	}

	record Continue() implements Decision {
	}

	/** The message ends here with this outcome; {@code report} says what a machine told us, if anything. */
	record Stop(Outcome outcome, String reason, MachineReport report) implements Decision {
	}

	/**
	 * What a bounce, auto-reply or report is about: the Message-IDs of the mails it answers, and the
	 * recipients it says failed for good (status 5.x.x). Claims of the report, not yet checked against what
	 * we sent ({@link FailingAddresses} does that).
	 */
	record MachineReport(List<String> aboutMessageIds, List<PermanentFailure> permanentFailures) {

		static final MachineReport NONE = new MachineReport(List.of(), List.of());

		public MachineReport {
			aboutMessageIds = List.copyOf(aboutMessageIds);
			permanentFailures = List.copyOf(permanentFailures);
		}

		List<String> permanentlyFailedRecipients() {
			return this.permanentFailures.stream().map(PermanentFailure::address).distinct().toList();
		}

	}

	/** One recipient of a delivery status report with {@code Action: failed} and a 5.x.x status. */
	record PermanentFailure(String address, String status) {
	}

}
