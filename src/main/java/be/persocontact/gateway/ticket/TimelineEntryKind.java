package be.persocontact.gateway.ticket;

/** What a timeline entry records. */
public enum TimelineEntryKind {

	/** A message from the requester (mail or portal). */
	REQUESTER_MESSAGE,
	/** A status change, with from and to. */
	STATUS_CHANGE,
	/** A notification sent on behalf of the ticket. */
	NOTIFICATION,
	/** An officer's answer, sent to the requester and shown in the view. */
	OFFICER_MESSAGE,
	/** A note between officers: never shown to nor sent to the requester. */
	INTERNAL_NOTE,
	/** Something the gateway did or noticed, e.g. a reference to a ticket of the previous system. */
	SYSTEM,
	/**
	 * A message arrived damaged and is shown as far as it could be read; the raw message is kept. The
	 * requester sees a sentence in their language, officers also the details in the body.
	 */
	DAMAGED_MAIL

}
