package be.persocontact.gateway.ticket;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** The ticket store. Declares only what the gateway uses. */
public interface Tickets extends Repository<Ticket, Long> {

	Ticket save(Ticket ticket);

	List<Ticket> findByRequesterAddressOrderByCreatedAtDescIdDesc(String address);

	Optional<Ticket> findById(Long id);

	Optional<Ticket> findByNumber(String number);

	default Optional<Ticket> findByNumber(TicketNumber number) {
		return findByNumber(number.value());
	}

}
