package be.persocontact.gateway.access;

import java.time.Instant;

/** The result of checking a token: valid, expired (but authentic), or not ours at all. */
public sealed interface LinkVerification {

	/** An authentic, unexpired token for the expected purpose. */
	record Valid(LinkPurpose purpose, long ticketId, Instant expiresAt, String keyId, byte[] recipientTag)
			implements LinkVerification {
	}

	/** Authentic, but past its expiry: worth a "ask for a new link" page. */
	record Expired(long ticketId, Instant expiredAt) implements LinkVerification {
	}

	/** Malformed, tampered, signed with an unknown key, or meant for another purpose. */
	record Invalid(String why) implements LinkVerification {
	}

}
