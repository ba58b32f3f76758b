package be.persocontact.gateway.ticket;

import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticket module's API: every channel records requester messages through it, the view reads
 * through it. Methods join the caller's transaction, so that a message, its ticket and the
 * notifications it causes commit together or not at all.
 */
@Service
@Transactional(propagation = Propagation.REQUIRED)
public class TicketManagement {

	private final Tickets tickets;

	private final TicketNumbers numbers;

	private final Clock clock;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	TicketManagement(Tickets tickets, TicketNumbers numbers, Clock clock,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.numbers = numbers;
		this.clock = clock;
	}

	/** Opens a new ticket for the message. */
	public RecordedMessage open(RequesterMessage message) {
		Ticket ticket = Ticket.open(this.numbers.next(), requesterOf(message), message.subject(), message.body(),
				message.inboundMessageId(), this.clock.instant());
		ticket.keepReceivedText(message.receivedText());
		ticket.cameInOn(message.mailbox());
		noteLegacyReferences(ticket, message);
		this.tickets.save(ticket);
		return new RecordedMessage(RecordedMessage.Action.OPENED, ticket.number(), null);
	}

	/**
	 * Opens a new ticket for a submission of a catalogue form, in the queue the form names. The form
	 * is the routing rule here: the employee chose it.
	 */
	public RecordedMessage openFromForm(RequesterMessage message, String formCode, String queue) {
		Ticket ticket = Ticket.open(this.numbers.next(), requesterOf(message), message.subject(), message.body(),
				message.inboundMessageId(), this.clock.instant());
		ticket.recordForm(formCode);
		ticket.routeTo(queue, "form " + formCode, this.clock.instant());
		this.tickets.save(ticket);
		return new RecordedMessage(RecordedMessage.Action.OPENED, ticket.number(), null);
	}

	/**
	 * Appends the message to the ticket the intake has matched it to. The caller has checked that the
	 * sender takes part in that ticket, and says how sure it is of the sender ({@code proof}: only a proven
	 * message changes the status). A closed ticket is not reopened: a new ticket referencing it is opened
	 * instead.
	 */
	public RecordedMessage append(TicketNumber number, RequesterMessage message, SenderProof proof) {
		Ticket ticket = this.tickets.findByNumber(number)
			.orElseThrow(() -> new IllegalArgumentException("No ticket " + number));
		if (ticket.status().isClosed()) {
			Ticket followUp = Ticket.openFollowUp(this.numbers.next(), number, requesterOf(message),
					message.subject(), message.body(), message.inboundMessageId(), this.clock.instant());
			followUp.keepReceivedText(message.receivedText());
			followUp.cameInOn(message.mailbox());
			noteLegacyReferences(followUp, message);
			this.tickets.save(followUp);
			return new RecordedMessage(RecordedMessage.Action.OPENED_FOLLOW_UP, followUp.number(), number);
		}
		boolean kept = ticket.appendRequesterMessage(message.address(), message.body(), message.inboundMessageId(),
				this.clock.instant(), proof);
		ticket.keepReceivedText(message.receivedText());
		this.tickets.save(ticket);
		return new RecordedMessage(RecordedMessage.Action.APPENDED, ticket.number(), null, kept);
	}

	/** Notes something the gateway noticed (a bounce, an auto-reply) on the ticket's timeline. */
	public void recordSystemNote(long ticketId, String note) {
		this.tickets.findById(ticketId).ifPresent(ticket -> ticket.recordSystemNote(note, this.clock.instant()));
	}

	/**
	 * Notes on the ticket that a message arrived damaged and shows only what could be read; the raw
	 * message stays with its inbound record.
	 * @param details what was lost or repaired, for officers
	 */
	public void noteDamagedMail(TicketNumber number, String details, Long inboundMessageId) {
		this.tickets.findByNumber(number)
			.ifPresent(ticket -> ticket.recordDamagedMessage(details, inboundMessageId, this.clock.instant()));
	}

	/** How many tickets this address opened since then, for the per-sender limit. */
	@Transactional(readOnly = true)
	public long countOpenedSince(String address, java.time.Instant since) {
		return this.tickets.countByRequesterAddressAndCreatedAtAfter(Requester.normalise(address), since);
	}

	@Transactional(readOnly = true)
	public Optional<Ticket> find(TicketNumber number) {
		return this.tickets.findByNumber(number).map(TicketManagement::loaded);
	}

	@Transactional(readOnly = true)
	public Optional<Ticket> find(long id) {
		return this.tickets.findById(id).map(TicketManagement::loaded);
	}

	/**
	 * The id of the mailbox each ticket came in on; a portal request's ticket and an unknown id are left out.
	 * Asked for each batch the outbox sends, and never changed once a ticket is open: one plain statement, not
	 * a repository query (whose proxies and query plan cost the outbox more than the statement itself).
	 */
	public Map<Long, String> mailboxesOf(Collection<Long> ticketIds) {
		if (ticketIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc
			.sql("SELECT id, mailbox FROM ticket WHERE mailbox IS NOT NULL AND id IN ("
					+ String.join(",", Collections.nCopies(ticketIds.size(), "?")) + ")")
			.params(List.copyOf(ticketIds))
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * The tickets of one requester, newest first, whose number is the query or whose subject or
	 * timeline contains it. Filtering by requester happens in the query itself, so that no caller can
	 * forget it and show one employee another's case.
	 */
	@Transactional(readOnly = true)
	public List<Ticket> findOfRequester(String address, String query, int limit) {
		String trimmed = query == null ? "" : query.strip();
		String keyword = "%" + trimmed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return this.tickets.findOfRequester(Requester.normalise(address), trimmed.toUpperCase(), keyword,
				Limit.of(limit));
	}

	/** Is this address a participant of that ticket? False when the ticket does not exist. */
	@Transactional(readOnly = true)
	public boolean isParticipant(TicketNumber number, String address) {
		return this.tickets.findByNumber(number).map(ticket -> ticket.isParticipant(address)).orElse(false);
	}

	/** The requester's tickets, open and closed, newest first. */
	@Transactional(readOnly = true)
	public List<Ticket> findByRequester(String address) {
		return this.tickets.findByRequesterAddressOrderByCreatedAtDescIdDesc(Requester.normalise(address));
	}

	/** The requester address of a ticket, for checking who a link was issued to. */
	@Transactional(readOnly = true)
	public Optional<String> requesterOf(long ticketId) {
		return this.tickets.findById(ticketId).map(ticket -> ticket.requester().address());
	}

	/**
	 * The requester accepts the proposed solution; the ticket closes.
	 * @throws TicketStatusChangeRefused when no solution awaits acceptance
	 */
	public void acceptSolution(long ticketId, String requester) {
		Ticket ticket = this.tickets.findById(ticketId)
			.orElseThrow(() -> new IllegalArgumentException("No ticket " + ticketId));
		ticket.accept(requester, this.clock.instant());
		this.tickets.save(ticket);
	}

	/**
	 * The requester refuses the proposed solution, with a reason; the ticket goes back to work.
	 * @throws TicketStatusChangeRefused when no solution awaits acceptance
	 */
	public void refuseSolution(long ticketId, String requester, String reason) {
		Ticket ticket = this.tickets.findById(ticketId)
			.orElseThrow(() -> new IllegalArgumentException("No ticket " + ticketId));
		ticket.refuse(requester, reason, this.clock.instant());
		this.tickets.save(ticket);
	}

	/** Puts a ticket in a queue, with the rule that chose it; the queue's officers are told. */
	public void route(TicketNumber number, String queue, String reason) {
		change(number, ticket -> ticket.routeTo(queue, reason, this.clock.instant()));
	}

	/** An officer takes the ticket (assigned to them, work in progress). */
	public void take(TicketNumber number, String officer) {
		change(number, ticket -> ticket.take(officer, this.clock.instant()));
	}

	/** An officer's answer for the requester; the ticket stays in work. */
	public void answer(TicketNumber number, String officer, String text, Long inboundMessageId) {
		change(number, ticket -> ticket.answer(officer, text, inboundMessageId, this.clock.instant()));
	}

	/** A note between officers, never shown to the requester. */
	public void addInternalNote(TicketNumber number, String officer, String text, Long inboundMessageId) {
		change(number, ticket -> ticket.addInternalNote(officer, text, inboundMessageId, this.clock.instant()));
	}

	/** The officer asks the requester for information (PENDING). */
	public void askForInformation(TicketNumber number, String officer, String question, Long inboundMessageId) {
		change(number, ticket -> ticket.askForInformation(officer, question, inboundMessageId, this.clock.instant()));
	}

	/** The officer proposes a solution (AWAITING_ACCEPTANCE). */
	public void resolve(TicketNumber number, String officer, String solution, Long inboundMessageId) {
		change(number, ticket -> ticket.resolve(officer, solution, inboundMessageId, this.clock.instant()));
	}

	/** Tickets that have been waiting in that status since before the instant, oldest first. */
	@Transactional(readOnly = true)
	public List<Ticket> findWaitingSince(TicketStatus status, java.time.Instant before, int limit) {
		return this.tickets.findByStatusAndStatusSinceBeforeOrderByStatusSinceAsc(status, before, Limit.of(limit));
	}

	/** Tickets waiting in that status since before the instant whose requester was not reminded yet. */
	@Transactional(readOnly = true)
	public List<Ticket> findNotRemindedSince(TicketStatus status, java.time.Instant before, int limit) {
		return this.tickets.findByStatusAndStatusSinceBeforeAndRemindedAtIsNullOrderByStatusSinceAsc(status, before,
				Limit.of(limit));
	}

	/** The tickets of a queue that are not closed, oldest first. */
	@Transactional(readOnly = true)
	public List<Ticket> findOpenInQueue(String queue) {
		return this.tickets.findByQueueAndStatusNotOrderByCreatedAtAsc(queue, TicketStatus.CLOSED_COMPLETE);
	}

	/**
	 * Reminds the requester of a ticket still waiting for them, at most once per status; true when
	 * this call is the one that marked it (the caller then sends the reminder).
	 */
	public boolean markReminded(long ticketId, java.time.Instant waitingSinceBefore) {
		Ticket ticket = this.tickets.findById(ticketId).orElseThrow();
		if (ticket.remindedAt() != null || !ticket.statusSince().isBefore(waitingSinceBefore)) {
			return false;
		}
		ticket.markReminded(this.clock.instant());
		this.tickets.save(ticket);
		return true;
	}

	/** Closes a ticket whose proposed solution got no answer in time. */
	public void closeForWantOfAnswer(long ticketId, String reason) {
		Ticket ticket = this.tickets.findById(ticketId).orElseThrow();
		ticket.closeForWantOfAnswer(reason, this.clock.instant());
		this.tickets.save(ticket);
	}

	private void change(TicketNumber number, java.util.function.Consumer<Ticket> change) {
		Ticket ticket = this.tickets.findByNumber(number)
			.orElseThrow(() -> new IllegalArgumentException("No ticket " + number));
		change.accept(ticket);
		this.tickets.save(ticket);
	}

	private static Ticket loaded(Ticket ticket) {
		ticket.timeline().size(); // the view renders outside the transaction (open-in-view is off)
		return ticket;
	}

	private Requester requesterOf(RequesterMessage message) {
		return new Requester(message.address(), message.displayName(), message.language());
	}

	private void noteLegacyReferences(Ticket ticket, RequesterMessage message) {
		for (String legacy : message.legacyReferences()) {
			ticket.recordSystemNote("Refers to " + legacy + " of the previous system", TimelineNote.REFERS_TO_PREVIOUS_SYSTEM,
					legacy, this.clock.instant());
		}
	}

}
