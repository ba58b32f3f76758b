package be.persocontact.gateway.intake;

/** How an inbound message ended. Every recorded message has exactly one. */
public enum Outcome {

	/** Stored, not yet (successfully) processed. */
	RECEIVED(false),
	TICKET_CREATED(true),
	APPENDED(true),
	/** Already received: nothing new was done. */
	DUPLICATE(true),
	/** Our own mail coming back: recorded, never answered. */
	IGNORED_OWN_MAIL(true),
	/** An auto-reply or out-of-office: recorded, never answered. */
	IGNORED_AUTO_REPLY(true),
	/** A bounce or delivery status notification. */
	IGNORED_BOUNCE(true),
	/** An abuse/feedback report (ARF). */
	IGNORED_FEEDBACK_REPORT(true),
	/** A read receipt (MDN). */
	IGNORED_READ_RECEIPT(true),
	/** Mailing-list or bulk mail. */
	IGNORED_BULK(true),
	/** Marked as spam by a spam filter ({@code X-Spam-Flag: YES}, {@code X-Spam-Status: Yes}): never answered. */
	IGNORED_SPAM(true),
	/** An answer to a meeting invitation (iMIP REPLY: accepted, declined, tentative). */
	IGNORED_CALENDAR_REPLY(true),
	/** Too many new tickets from this sender in the window. */
	REJECTED_RATE_LIMITED(true),
	/** Larger than the configured maximum; only its headers were read. */
	REJECTED_TOO_LARGE(true),
	/** An officer's reply whose commands could not be carried out; nothing changed, the officer was told. */
	REJECTED_OFFICER_COMMAND(true),
	/** Processing failed; it will be tried again. */
	FAILED(false),
	/** Held for an operator: failed too often, or not to be trusted (reason UNAUTHENTICATED). */
	QUARANTINED(true);

	private final boolean finished;

	Outcome(boolean finished) {
		this.finished = finished;
	}

	/** A finished message is never processed again by a re-delivery. */
	public boolean isFinished() {
		return this.finished;
	}

}
