package be.persocontact.gateway.ticket;

import java.util.Optional;

/** Finding a ticket by its number, through the persistence context first (see the implementation). */
interface TicketsByNumber {

	Optional<Ticket> findByNumber(String number);

}
