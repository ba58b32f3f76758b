package be.persocontact.gateway.ticket;

import java.util.Locale;
import java.util.Optional;

/**
 * The name of the team behind a queue code, as a requester reads it in their language, provided by the
 * module that knows the queues (the ticket module only stores the code).
 */
public interface TeamNames {

	Optional<String> nameOf(String queueCode, Locale locale);

}
