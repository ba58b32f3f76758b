package be.persocontact.gateway.access;

import java.time.Instant;

/**
 * One withdrawal of links, as kept in the revocation log: what (scope, and the ticket number or queue
 * code; for an address only its pseudonym), when, by whom, why, and the epoch it moved to.
 *
 * @param subject the ticket number or queue code; null for an address, whose pseudonym is {@code key}
 * @param key the ticket id, or the SHA-256 pseudonym of the address or of the queue's audience
 */
public record Revocation(long id, Scope scope, String subject, String key, int epoch, Instant revokedAt,
		String revokedBy, String reason) {

	static final int MAX_OPERATOR_CHARS = 320;

	static final int MAX_REASON_CHARS = 1000;

	public enum Scope {

		/** Every link and reply address of one ticket, whoever it went to. */
		TICKET,
		/** Every link and reply address sent to one address, for any ticket. */
		RECIPIENT,
		/** The officers' links of one queue: its reply addresses and its officer views. */
		QUEUE

	}

	static void requireText(String name, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is required: say who withdraws the links, and why");
		}
		if (value.strip().length() > max) {
			throw new IllegalArgumentException(name + " is longer than " + max + " characters");
		}
	}

}
