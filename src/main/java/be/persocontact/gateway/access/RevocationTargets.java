package be.persocontact.gateway.access;

import java.util.Optional;

/**
 * What an operator names when withdrawing links, looked up by the module that knows it (ticket
 * numbers by the ticket module, queue codes by the queue module): this module imports neither.
 */
public interface RevocationTargets {

	/** The id of the ticket with that number ({@code HRB0001167}); empty when there is none. */
	default Optional<Long> ticketIdOf(String number) {
		return Optional.empty();
	}

	/** Whether that code names a configured queue. */
	default boolean isQueue(String code) {
		return false;
	}

}
