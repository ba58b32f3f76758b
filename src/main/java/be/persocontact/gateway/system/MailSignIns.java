package be.persocontact.gateway.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.persocontact.gateway.system.mailsignin.AccessTokens;

/** The {@link MailSignIn} of each mailbox, by mailbox id: each mailbox signs in with its own login or token. */
public final class MailSignIns {

	private final Map<String, MailSignIn> byMailbox;

	MailSignIns(Map<String, MailSignIn> byMailbox) {
		this.byMailbox = new LinkedHashMap<>(byMailbox);
	}

	/** The sign-in of this mailbox. */
	public MailSignIn of(String mailboxId) {
		MailSignIn signIn = this.byMailbox.get(mailboxId);
		if (signIn == null) {
			throw new IllegalArgumentException("No mailbox '" + mailboxId + "'");
		}
		return signIn;
	}

	/** Every sign-in, by mailbox id, in the mailboxes' order. */
	public Map<String, MailSignIn> all() {
		return this.byMailbox;
	}

	/** Every token holder of every mailbox: one renewal keeps them all current. */
	List<AccessTokens> tokens() {
		List<AccessTokens> tokens = new ArrayList<>();
		this.byMailbox.values().forEach(signIn -> signIn.tokens().forEach(held -> {
			if (tokens.stream().noneMatch(known -> known == held)) {
				tokens.add(held);
			}
		}));
		return tokens;
	}

}
