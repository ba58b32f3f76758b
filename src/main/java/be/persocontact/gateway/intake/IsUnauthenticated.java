package be.persocontact.gateway.intake;

import org.springframework.stereotype.Component;

/**
 * Did our own receiving server say the sender's domain failed DMARC? Only the topmost
 * {@code Authentication-Results} with a trusted authserv-id counts (see {@link SenderAuthentication}).
 * Such mail is held for review, not trusted and not answered.
 */
@Component
class IsUnauthenticated implements IntakeCheck {

	private final SenderAuthentication authentication;

	IsUnauthenticated(SenderAuthentication authentication) {
		this.authentication = authentication;
	}

	@Override
	public Decision check(ParsedMail mail) {
		return this.authentication.topmostTrusted(mail)
			.filter(results -> results.first("dmarc").map(dmarc -> dmarc.result().equals("fail")).orElse(false))
			.<Decision>map(results -> Decision.stop(Outcome.QUARANTINED,
					"UNAUTHENTICATED: DMARC failed at " + results.authservId()))
			.orElse(Decision.CONTINUE);
	}

}
