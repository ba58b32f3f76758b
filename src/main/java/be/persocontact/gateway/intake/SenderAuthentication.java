package be.persocontact.gateway.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Is a mail's author who its {@code From} says? Anything that acts in someone's name (an officer's
 * command, an employee's decision) needs this proof. The proof is the topmost
 * {@code Authentication-Results} written by one of our own receiving servers (RFC 8601 §5: the server
 * strips forged headers carrying its own authserv-id, and adds its own on top), saying
 * {@code dmarc=pass} for the domain of the single {@code From} address.
 * <p>
 * Fail closed: with an external mail server and no trusted authserv-id the gateway does not start,
 * unless told explicitly to trust unauthenticated mail. The embedded mail server on 127.0.0.1 is the
 * gateway's own, and trusted as such.
 */
@Component
class SenderAuthentication {

	private static final Logger log = LoggerFactory.getLogger(SenderAuthentication.class);

	/**
	 * @param verified a trusted server said DMARC passed for the From domain
	 * @param mayAct the mail may act in its author's name: one author, and verified (or trusted without proof
	 * by configuration)
	 * @param reason why it may not act, for the record; null when it may
	 */
	record Verdict(boolean verified, boolean mayAct, String reason) {
	}

	private final List<String> trustedServers;

	private final boolean trustWithoutProof;

	SenderAuthentication(IntakeSettings settings,
			@Value("${gateway.embedded.mail.enabled:false}") boolean embeddedMailServer,
			@Value("${gateway.mail.host:}") String mailHost) {
		this.trustedServers = settings.trustedAuthservIds().stream().map(id -> id.toLowerCase(Locale.ROOT)).toList();
		this.trustWithoutProof = this.trustedServers.isEmpty()
				&& (embeddedMailServer || settings.trustUnauthenticatedMail());
		if (this.trustedServers.isEmpty() && !this.trustWithoutProof) {
			throw new IllegalStateException("The mail server " + mailHost + " is not the embedded one, and no "
					+ "trusted authserv-id is configured: anyone could forge an officer's command or an employee's "
					+ "decision. Set GATEWAY_INTAKE_TRUSTED_AUTHSERV_IDS to the authserv-id your receiving server "
					+ "writes in Authentication-Results (RFC 8601), or set "
					+ "GATEWAY_INTAKE_TRUST_UNAUTHENTICATED_MAIL=true to accept unauthenticated mail knowingly.");
		}
		if (this.trustedServers.isEmpty() && !embeddedMailServer) {
			log.warn("GATEWAY_INTAKE_TRUST_UNAUTHENTICATED_MAIL=true: officer commands and employee decisions by "
					+ "mail are carried out without proof of the sender (no trusted authserv-id). Anyone who can "
					+ "reach {} can act in an officer's or employee's name.", mailHost);
		}
		else if (!this.trustedServers.isEmpty() && settings.trustUnauthenticatedMail()) {
			log.warn("GATEWAY_INTAKE_TRUST_UNAUTHENTICATED_MAIL is ignored: trusted authserv-ids {} are configured, "
					+ "and their DMARC verdict decides", this.trustedServers);
		}
	}

	Verdict judge(ParsedMail mail) {
		List<String> from = mail.fromAddresses();
		if (from.size() != 1) {
			return refused(from.isEmpty() ? "NO_FROM: no From address" : "SEVERAL_FROM: " + from.size()
					+ " From addresses, no single author");
		}
		String author = from.get(0);
		String sender = mail.senderHeaderAddress();
		if (sender != null && !sender.equalsIgnoreCase(author)) {
			return refused("SENDER_DIFFERS: sent by " + sender + " for " + author);
		}
		if (this.trustWithoutProof) {
			return new Verdict(false, true, null);
		}
		Optional<AuthenticationResults> results = topmostTrusted(mail);
		if (results.isEmpty()) {
			return refused("NO_TRUSTED_RESULTS: no Authentication-Results of " + String.join(", ", this.trustedServers));
		}
		Optional<AuthenticationResults.Result> dmarc = results.get().first("dmarc");
		if (dmarc.isEmpty() || !dmarc.get().result().equals("pass")) {
			return refused("NO_DMARC_PASS: " + results.get().authservId() + " says dmarc="
					+ dmarc.map(AuthenticationResults.Result::result).orElse("(none)"));
		}
		String checked = domain(dmarc.get().property("header.from"));
		String authorDomain = domain(author.substring(author.lastIndexOf('@') + 1));
		if (checked == null || !checked.equals(authorDomain)) {
			return refused("NOT_ALIGNED: dmarc=pass for " + (checked == null ? "(no header.from)" : checked)
					+ ", but From is " + author);
		}
		return new Verdict(true, true, null);
	}

	/**
	 * The topmost {@code Authentication-Results} carrying a trusted authserv-id: our server adds its own on
	 * top of whatever the mail brought, so a lower one with our id can only be a forgery it failed to strip.
	 */
	Optional<AuthenticationResults> topmostTrusted(ParsedMail mail) {
		for (String header : mail.headers("Authentication-Results")) {
			Optional<AuthenticationResults> results = AuthenticationResults.parse(header);
			if (results.isPresent() && this.trustedServers.contains(results.get().authservId())) {
				return results;
			}
		}
		return Optional.empty();
	}

	boolean hasTrustedServers() {
		return !this.trustedServers.isEmpty();
	}

	private static Verdict refused(String reason) {
		return new Verdict(false, false, reason);
	}

	private static String domain(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String domain = value.strip().toLowerCase(Locale.ROOT);
		return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
	}

}
