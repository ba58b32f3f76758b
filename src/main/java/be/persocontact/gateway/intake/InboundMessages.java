package be.persocontact.gateway.intake;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** The store of inbound messages. */
public interface InboundMessages extends Repository<InboundMessage, Long> {

	InboundMessage save(InboundMessage message);

	Optional<InboundMessage> findById(Long id);

	/**
	 * As {@link #findById}, in the caller's transaction if there is one and in autocommit otherwise: a
	 * first look at a record whose answer is checked again under lock (two statements to MariaDB fewer
	 * than a transaction of its own).
	 */
	@org.springframework.transaction.annotation.Transactional(
			propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
	@org.springframework.data.jpa.repository.Query("select m from InboundMessage m where m.id = :id")
	Optional<InboundMessage> peekById(@org.springframework.data.repository.query.Param("id") Long id);

	/** The message, its row locked until the transaction ends: two instances never finish it both. */
	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
	@org.springframework.data.jpa.repository.Query("select m from InboundMessage m where m.id = :id")
	Optional<InboundMessage> lockById(@org.springframework.data.repository.query.Param("id") Long id);

	Optional<InboundMessage> findByMailboxAndUidValidityAndUid(String mailbox, Long uidValidity, Long uid);

	/**
	 * The record of this UID in this mailbox (when the UID is known) and the record of this content: both
	 * questions recording asks, in one statement. Each half is answered by its own unique key (MariaDB merges
	 * the two index look-ups); a UID half with a null part matches nothing.
	 */
	@org.springframework.data.jpa.repository.Query("select m from InboundMessage m where (m.mailbox = :mailbox "
			+ "and m.uidValidity = :uidValidity and m.uid = :uid) or m.dedupKey = :dedupKey")
	List<InboundMessage> findByUidOrDedupKey(@org.springframework.data.repository.query.Param("mailbox") String mailbox,
			@org.springframework.data.repository.query.Param("uidValidity") Long uidValidity,
			@org.springframework.data.repository.query.Param("uid") Long uid,
			@org.springframework.data.repository.query.Param("dedupKey") String dedupKey);

	List<InboundMessage> findByTicketNumberOrderById(String ticketNumber);

	List<InboundSummary> findByOrderByIdDesc(org.springframework.data.domain.Limit limit);

	List<InboundSummary> findByOutcomeOrderByIdDesc(Outcome outcome, org.springframework.data.domain.Limit limit);

	Optional<InboundSummary> findSummaryById(Long id);

	long count();

	long countByTicketNumberAndOutcomeAndProcessedAtAfter(String ticketNumber, Outcome outcome,
			java.time.Instant after);

	long countBySenderAndOutcomeAndProcessedAtAfter(String sender, Outcome outcome, java.time.Instant after);

}
