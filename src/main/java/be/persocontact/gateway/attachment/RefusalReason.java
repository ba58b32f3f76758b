package be.persocontact.gateway.attachment;

import java.util.Locale;

/**
 * Why a file was not accepted. A closed set: each reason has one sentence in each language
 * ({@code attachment.refused.*}) that the receipt shows the requester.
 */
public enum RefusalReason {

	/** The detected type is not on the allow-list (executables, scripts, HTML, archives…). */
	NOT_ALLOWED_TYPE,
	/** The name or declared type claims an allowed type, the bytes are something else. */
	TYPE_MISMATCH,
	/** Larger than the per-file limit, or the message's total would exceed its limit. */
	TOO_LARGE,
	/** More files than one message may carry. */
	TOO_MANY,
	/** Nested deeper (a file in a file in a file…) than allowed. */
	TOO_DEEP,
	/** Protected by a password: nobody at the service desk could open it either. */
	ENCRYPTED,
	/** Damaged or not what its type says: the parser could not read it. */
	UNREADABLE,
	/** Reading it took longer than the hard time limit. */
	PARSE_TIMEOUT,
	/** Expands out of all proportion to its size (zip bomb, billion laughs). */
	BOMB,
	/** No bytes at all. */
	EMPTY;

	/** The message key of the sentence explaining this reason. */
	public String messageKey() {
		return "attachment.refused." + name().toLowerCase(Locale.ROOT);
	}

}
