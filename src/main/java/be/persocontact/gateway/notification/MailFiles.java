package be.persocontact.gateway.notification;

import java.util.List;

/**
 * The accepted files of a ticket, for the mails that carry them (an announcement to a queue that asks
 * for files). Implemented by the module that keeps the files; read when the mail is sent, not when it
 * is queued, so that the outbox holds no copies.
 */
public interface MailFiles {

	/**
	 * The ticket's accepted files in the order they came, as many as fit in {@code maxBytes} together;
	 * a file that does not fit is left out (it stays in the ticket's view).
	 */
	List<File> filesOf(long ticketId, long maxBytes);

	/** As {@link #filesOf(long, long)}, only the files that came with that inbound mail. */
	List<File> filesOf(long ticketId, long inboundMessageId, long maxBytes);

	/** One file: its (sanitised) name, detected type and bytes. */
	record File(String name, String mediaType, byte[] content) {
	}

}
