package be.persocontact.gateway.attachment.internal;

import be.persocontact.gateway.attachment.RefusalReason;

/** A file a parser could not, or must not, read; carries the reason the receipt shows. */
public class ExtractionRefused extends Exception {

	private final RefusalReason reason;

	public ExtractionRefused(RefusalReason reason, String detail, Throwable cause) {
		super(reason + ": " + detail, cause);
		this.reason = reason;
	}

	public RefusalReason reason() {
		return this.reason;
	}

}
