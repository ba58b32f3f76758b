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
	/** An auto-reply, out-of-office or other machine-generated mail: recorded, never answered. */
	IGNORED_AUTO_REPLY(true),
	/** Processing failed; it will be tried again. */
	FAILED(false),
	/** Failed too often; moved aside for an operator. */
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
