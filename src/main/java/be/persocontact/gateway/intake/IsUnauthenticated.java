package be.persocontact.gateway.intake;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Did our own receiving server say the sender's domain failed DMARC? Only {@code Authentication-Results}
 * headers whose authserv-id is configured as trusted count (RFC 8601: a sender can write any header,
 * but not one our server vouches for, since it strips forged ones with its own id). Such mail is held
 * for review, not trusted and not answered.
 */
@Component
class IsUnauthenticated implements IntakeCheck {

	private static final Pattern DMARC_FAIL = Pattern.compile("(^|[;\\s])dmarc\\s*=\\s*fail\\b", Pattern.CASE_INSENSITIVE);

	private final List<String> trustedServers;

	IsUnauthenticated(IntakeSettings settings) {
		this.trustedServers = settings.trustedAuthservIds().stream().map(id -> id.toLowerCase(Locale.ROOT)).toList();
	}

	private static final Pattern DMARC_PASS = Pattern.compile("(^|[;\\s])dmarc\\s*=\\s*pass\\b", Pattern.CASE_INSENSITIVE);

	/**
	 * Did a trusted server say DMARC passed? True when no server is trusted (nothing to go by). An
	 * officer's reply acts on a ticket, so it needs a pass, not merely the absence of a fail.
	 */
	boolean passedDmarc(ParsedMail mail) {
		if (this.trustedServers.isEmpty()) {
			return true;
		}
		for (String result : mail.headers("Authentication-Results")) {
			String authservId = result.split(";", 2)[0].strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
			if (this.trustedServers.contains(authservId) && DMARC_PASS.matcher(result).find()) {
				return true;
			}
		}
		return false;
	}

	@Override
	public Decision check(ParsedMail mail) {
		if (this.trustedServers.isEmpty()) {
			return Decision.CONTINUE;
		}
		for (String result : mail.headers("Authentication-Results")) {
			String authservId = result.split(";", 2)[0].strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
			if (this.trustedServers.contains(authservId) && DMARC_FAIL.matcher(result).find()) {
				return Decision.stop(Outcome.QUARANTINED, "UNAUTHENTICATED: DMARC failed at " + authservId);
			}
		}
		return Decision.CONTINUE;
	}

}
