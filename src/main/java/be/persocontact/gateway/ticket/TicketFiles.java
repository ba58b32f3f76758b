package be.persocontact.gateway.ticket;

import java.util.List;
import java.util.Locale;

/**
 * The files of a ticket as its view shows them, provided by the module that stores them (the ticket
 * module knows no file formats). Each accepted file has a download link of its own for the recipient.
 */
public interface TicketFiles {

	List<File> filesOf(Ticket ticket, String recipient, Locale locale);

	/** One file: its name, what happened to it in words, and its own link (null when it was refused). */
	record File(String name, String description, String downloadUrl) {
	}

}
