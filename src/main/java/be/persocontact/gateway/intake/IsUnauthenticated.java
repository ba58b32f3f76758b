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
		return trustedResults(mail).anyMatch(result -> DMARC_PASS.matcher(result).find());
	}

	/** The Authentication-Results headers written by a server we trust (RFC 8601 authserv-id). */
	private java.util.stream.Stream<String> trustedResults(ParsedMail mail) {
		return mail.headers("Authentication-Results")
			.stream()
			.filter(result -> this.trustedServers.contains(authservId(result)));
	}

	private static String authservId(String result) {
		return result.split(";", 2)[0].strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
	}

	@Override
	public Decision check(ParsedMail mail) {
		if (this.trustedServers.isEmpty()) {
			return Decision.CONTINUE;
		}
		return trustedResults(mail).filter(result -> DMARC_FAIL.matcher(result).find())
			.findFirst()
			.<Decision>map(result -> Decision.stop(Outcome.QUARANTINED, "UNAUTHENTICATED: DMARC failed at " + authservId(result)))
			.orElse(Decision.CONTINUE);
	}

}
