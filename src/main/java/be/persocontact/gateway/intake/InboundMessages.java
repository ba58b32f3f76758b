package be.persocontact.gateway.intake;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** The store of inbound messages. */
public interface InboundMessages extends Repository<InboundMessage, Long> {

	InboundMessage save(InboundMessage message);

	Optional<InboundMessage> findById(Long id);

	Optional<InboundMessage> findByMailboxAndUidValidityAndUid(String mailbox, Long uidValidity, Long uid);

	Optional<InboundMessage> findByDedupKey(String dedupKey);

	List<InboundMessage> findByTicketNumberOrderById(String ticketNumber);

	List<InboundSummary> findByOrderByIdDesc(org.springframework.data.domain.Limit limit);

	List<InboundSummary> findByOutcomeOrderByIdDesc(Outcome outcome, org.springframework.data.domain.Limit limit);

	Optional<InboundSummary> findSummaryById(Long id);

	long count();

	long countByTicketNumberAndOutcomeAndProcessedAtAfter(String ticketNumber, Outcome outcome,
			java.time.Instant after);

	long countBySenderAndOutcomeAndProcessedAtAfter(String sender, Outcome outcome, java.time.Instant after);

}
