package be.persocontact.gateway.intake;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The order of the intake checks, visible in one place.
 * <ol>
 * <li>At the transport edge, before this chain: no MIME header becomes a Camel header (the mail
 * adapter), the raw mail is stored, and re-deliveries and second copies end as {@code DUPLICATE}
 * ({@link InboundRecorder}); oversized mail ends as {@code REJECTED_TOO_LARGE}.</li>
 * <li>This chain: machines first, so that nothing a machine sent is ever answered, then trust, then
 * reply addresses an operator withdrew.</li>
 * <li>After it ({@link MailIntake}): threading (reply token, In-Reply-To/References, subject reference
 * from a participant), the per-sender limit on new tickets, and the ticket transaction.</li>
 * </ol>
 */
@Component
class IntakeChain {

	private final List<IntakeCheck> checks;

	IntakeChain(MachineMail machineMail, IsUnauthenticated isUnauthenticated,
			IsToWithdrawnReplyAddress isToWithdrawnReplyAddress) {
		this.checks = List.of(
				machineMail, // 10 machines: own mail, reports, bounces, auto-replies, lists, spam (docs/intake-rules.md)
				isUnauthenticated, // 30 DMARC failed at our trusted receiving server
				isToWithdrawnReplyAddress // 40 sent to a reply address an operator has withdrawn
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
