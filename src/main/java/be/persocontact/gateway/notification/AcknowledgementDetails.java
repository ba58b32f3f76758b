package be.persocontact.gateway.notification;

import java.util.List;

import be.persocontact.gateway.ticket.Ticket;

/**
 * Lines a channel adds to the acknowledgement of a ticket it opened, such as the fields of a portal
 * form. The channel decides what is fit for a mail: sensitive values stay behind the signed link.
 */
public interface AcknowledgementDetails {

	/** Lines for this ticket's acknowledgement, in the requester's language; empty when the channel has none. */
	List<Line> detailsOf(Ticket ticket);

	record Line(String label, String value) {
	}

}
