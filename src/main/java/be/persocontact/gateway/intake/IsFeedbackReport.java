package be.persocontact.gateway.intake;

import org.springframework.stereotype.Component;

/** Is this an abuse or feedback report (ARF, RFC 5965)? Recorded, never answered. */
@Component
class IsFeedbackReport implements IntakeCheck {

	@Override
	public Decision check(ParsedMail mail) {
		if ("feedback-report".equals(mail.reportType()) || mail.partText("message/feedback-report") != null) {
			return new Stop(Outcome.IGNORED_FEEDBACK_REPORT, "feedback report",
					new MachineReport(mail.referencedMessageIds(), java.util.List.of()));
		}
		return Decision.CONTINUE;
	}

}
