package be.persocontact.gateway.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/** The outbox. */
public interface OutboundMails extends Repository<OutboundMail, Long> {

	OutboundMail save(OutboundMail mail);

	Optional<OutboundMail> findById(Long id);

	List<OutboundMail> findByIdIn(java.util.Collection<Long> ids);

	Optional<OutboundMail> findByMessageId(String messageId);

	List<OutboundMail> findByTicketIdOrderById(Long ticketId);

	List<OutboundMail> findByStatusAndNextAttemptAtLessThanEqualOrderById(OutboundMail.Status status, Instant due,
			Limit limit);

	long countByStatus(OutboundMail.Status status);

	List<OutboundMail> findByRecipientAndStatusOrderById(String recipient, OutboundMail.Status status);

	long countByRecipientAndKindAndCreatedAtAfter(String recipient, String kind, Instant after);

	boolean existsByRecipient(String recipient);

	long countByFirstContactTrueAndCreatedAtAfter(Instant after);

	long countByTicketIdAndKindAndCreatedAtAfter(Long ticketId, String kind, Instant after);

}
