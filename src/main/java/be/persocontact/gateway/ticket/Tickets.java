package be.persocontact.gateway.ticket;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The ticket store. Declares only what the gateway uses. */
public interface Tickets extends Repository<Ticket, Long>, TicketsByNumber {

	Ticket save(Ticket ticket);

	Ticket saveAndFlush(Ticket ticket);

	List<Ticket> findByRequesterAddressOrderByCreatedAtDescIdDesc(String address);

	Optional<Ticket> findById(Long id);

	/**
	 * By natural id, answered from the session when this transaction already holds the ticket, and never
	 * flushing first: a ticket's number is given before it is stored and never changes ({@link TicketsByNumberImpl}).
	 */
	@Override
	Optional<Ticket> findByNumber(String number);

	long countByRequesterAddressAndCreatedAtAfter(String address, java.time.Instant since);

	@Query("""
			select distinct t from Ticket t left join t.timeline e
			where t.requester.address = :address
			  and (t.number = :number or t.subject like :keyword or e.body like :keyword)
			order by t.createdAt desc, t.id desc""")
	List<Ticket> findOfRequester(String address, String number, String keyword, Limit limit);

	List<Ticket> findByStatusAndStatusSinceBeforeOrderByStatusSinceAsc(TicketStatus status, java.time.Instant before,
			Limit limit);

	List<Ticket> findByStatusAndStatusSinceBeforeAndRemindedAtIsNullOrderByStatusSinceAsc(TicketStatus status,
			java.time.Instant before, Limit limit);

	List<Ticket> findByQueueAndStatusNotOrderByCreatedAtAsc(String queue, TicketStatus status);

	default Optional<Ticket> findByNumber(TicketNumber number) {
		return findByNumber(number.value());
	}

}
