package be.persocontact.gateway.intake;

/** What the mailbox should do with a message once intake is done with it. */
public enum Disposition {

	/** Recorded with a final outcome: move it to the processed folder. */
	DONE,
	/** Failed but may succeed later: leave it in place for the next poll. */
	RETRY_LATER,
	/** Failed too often: move it to the quarantine folder. */
	QUARANTINE

}
