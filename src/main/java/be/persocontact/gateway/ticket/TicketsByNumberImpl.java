package be.persocontact.gateway.ticket;

import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;

import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket's number is its natural id: one ticket transaction asks for the same ticket by number several
 * times (routing, the acknowledgement, the queue announcement, the files), and Hibernate answers all but
 * the first from the session instead of one query each. A number never changes once given, so nothing
 * needs to be flushed or re-checked before the look-up (docs/benchmarks.md, run 8).
 */
class TicketsByNumberImpl implements TicketsByNumber {

	@PersistenceContext
	private EntityManager entityManager;

	@Override
	@Transactional(readOnly = true)
	public Optional<Ticket> findByNumber(String number) {
		return this.entityManager.unwrap(Session.class).bySimpleNaturalId(Ticket.class).loadOptional(number);
	}

}
