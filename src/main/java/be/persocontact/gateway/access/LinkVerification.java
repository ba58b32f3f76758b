package be.persocontact.gateway.access;

import java.time.Instant;

/** The result of checking a token on its own: valid, expired (but authentic), or not ours at all. */
public sealed interface LinkVerification {

	/**
	 * An authentic, unexpired token for the expected purpose. {@code itemId} names an item of the
	 * ticket (an attachment) or is 0; the epochs are those of the ticket and the recipient at issue.
	 */
	record Valid(LinkPurpose purpose, long ticketId, long itemId, Instant expiresAt, String keyId, byte[] recipientTag,
			int ticketEpoch, int recipientEpoch) implements LinkVerification {
	}

	/** Authentic, but past its expiry: worth a "ask for a new link" page. */
	record Expired(long ticketId, Instant expiredAt) implements LinkVerification {
	}

	/** Malformed, tampered, signed with an unknown key, or meant for another purpose. */
	record Invalid(String why) implements LinkVerification {
	}

}
