package be.persocontact.gateway.ticket;

/**
 * What a system entry means for the requester, when they may read it at all: the requester's view
 * shows the note's sentence in their language (with its argument), never the entry's body, which is
 * written for officers. A system entry without a note is shown to officers only.
 */
public enum TimelineNote {

	/** The request was passed to a team; the argument is the queue code, shown as the team's name. */
	PASSED_TO_TEAM,
	/** This request follows up a closed one; the argument is that ticket's number. */
	FOLLOWS_UP,
	/** The requester referred to a case of the previous system; the argument is its number. */
	REFERS_TO_PREVIOUS_SYSTEM

}
