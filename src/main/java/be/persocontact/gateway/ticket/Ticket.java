package be.persocontact.gateway.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.NaturalId;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An HR request. Its status changes only through the intention-revealing methods below, each of which
 * checks the legal source status, appends to the timeline and registers a past-tense event. An
 * illegal change throws {@link TicketStatusChangeRefused} and leaves the ticket untouched.
 */
@Entity
@DynamicUpdate // an update writes the changed columns only, never a stored mail or body again
@Table(name = "ticket")
public class Ticket extends AbstractAggregateRoot<Ticket> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@NaturalId
	@Column(nullable = false, updatable = false)
	private String number;

	@Column(nullable = false)
	private String subject;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TicketStatus status;

	@Embedded
	private Requester requester;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	/** The catalogue form a portal submission used; null for a mail. */
	@Column(name = "form_code")
	private String formCode;

	/** The mailbox (its id) the ticket came in on; null for a portal request. Mail about it goes out from there. */
	@Column(name = "mailbox", updatable = false)
	private String mailbox;

	/** The officer queue the ticket is in; null until it has been routed. */
	@Column(name = "queue_code")
	private String queue;

	/** The officer working on the ticket; null until one takes it. */
	@Column(name = "assignee")
	private String assignee;

	/** Since when the ticket is in its status: reminders and automatic closure count from here. */
	@Column(name = "status_since", nullable = false)
	private Instant statusSince;

	/** When the requester was last reminded of the current status; null when not yet. */
	@Column(name = "reminded_at")
	private Instant remindedAt;

	@OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("createdAt ASC, id ASC")
	private List<TimelineEntry> timeline = new ArrayList<>();

	protected Ticket() {
	}

	private Ticket(TicketNumber number, Requester requester, String subject, Instant at) {
		this.number = number.value();
		this.requester = requester;
		this.subject = cleanSubject(subject);
		this.status = TicketStatus.OPEN;
		this.createdAt = at;
		this.updatedAt = at;
		this.statusSince = at;
	}

	/** A new ticket, opened by the requester's first message. */
	public static Ticket open(TicketNumber number, Requester requester, String subject, String firstMessage,
			Long inboundMessageId, Instant at) {
		Ticket ticket = new Ticket(number, requester, subject, at);
		ticket.timeline.add(new TimelineEntry(ticket, TimelineEntryKind.REQUESTER_MESSAGE, requester.address(),
				firstMessage, inboundMessageId, at));
		ticket.registerEvent(new TicketOpened(number, requester.address(), null));
		return ticket;
	}

	/** A new ticket opened because the requester wrote about a ticket that is already closed. */
	public static Ticket openFollowUp(TicketNumber number, TicketNumber closed, Requester requester, String subject,
			String firstMessage, Long inboundMessageId, Instant at) {
		Ticket ticket = new Ticket(number, requester, subject, at);
		ticket.timeline.add(new TimelineEntry(ticket, TimelineEntryKind.REQUESTER_MESSAGE, requester.address(),
				firstMessage, inboundMessageId, at));
		ticket.recordSystemNote("Follows up closed ticket " + closed, TimelineNote.FOLLOWS_UP, closed.value(), at);
		ticket.registerEvent(new TicketOpened(number, requester.address(), closed));
		return ticket;
	}

	/**
	 * A further message from the requester. A ticket waiting for the requester's information goes
	 * back to work; a proposed solution is accepted or refused when the message starts with a clear
	 * yes or no (with a reason), in any of the four languages; a closed ticket can no longer be used to
	 * communicate. Only a message with the {@link SenderProof} for it moves the ticket: anyone can write
	 * a requester's address in a From line.
	 * @return true when the message would have moved the ticket but lacked the proof, so it did not
	 */
	public boolean appendRequesterMessage(String author, String body, Long inboundMessageId, Instant at,
			SenderProof proof) {
		if (this.status.isClosed()) {
			throw new TicketClosed(number());
		}
		TicketStatus before = this.status;
		boolean kept = false;
		this.timeline.add(new TimelineEntry(this, TimelineEntryKind.REQUESTER_MESSAGE, author, body,
				inboundMessageId, at));
		this.updatedAt = at;
		if (this.status == TicketStatus.PENDING) {
			kept = !proof.mayResume();
			if (!kept) {
				moveTo(TicketStatus.WORK_IN_PROGRESS, author, null, at, true);
			}
		}
		else if (this.status == TicketStatus.AWAITING_ACCEPTANCE) {
			SolutionAnswer answer = SolutionAnswer.read(body);
			kept = !proof.mayDecide() && (answer.accepts() || answer.refuses());
			if (kept) {
				registerEvent(new SolutionAnswerSetAside(number(), answer.accepts()));
			}
			else if (answer.accepts()) {
				moveTo(TicketStatus.CLOSED_COMPLETE, author, null, at, true);
			}
			else if (answer.refuses()) {
				moveTo(TicketStatus.WORK_IN_PROGRESS, author, answer.reason(), at, true);
			}
		}
		registerEvent(new RequesterMessageAppended(number(), inboundMessageId, before, this.status, body));
		return kept;
	}

	/**
	 * Keeps the text of the requester's latest message as it was received, beside the trimmed body the
	 * timeline shows, when the intake trimmed something from it.
	 */
	void keepReceivedText(String receivedText) {
		if (receivedText == null) {
			return;
		}
		for (int i = this.timeline.size() - 1; i >= 0; i--) {
			if (this.timeline.get(i).kind() == TimelineEntryKind.REQUESTER_MESSAGE) {
				this.timeline.get(i).keepReceivedText(receivedText);
				return;
			}
		}
	}

	/** Records the catalogue form a portal submission was made with; routing reads it. */
	public void recordForm(String formCode) {
		this.formCode = formCode;
	}

	/**
	 * Puts the ticket in an officer queue and notes the reason on the timeline, so that every routing
	 * decision can be traced to the rule that made it. A ticket moved to another queue is no longer
	 * anyone's: the officers of the new queue are told and one of them takes it.
	 */
	public void routeTo(String queue, String reason, Instant at) {
		if (queue == null || queue.isBlank()) {
			throw new IllegalArgumentException("A queue needs a code");
		}
		if (this.status.isClosed()) {
			throw new TicketClosed(number());
		}
		String previous = this.queue;
		this.queue = queue;
		if (previous != null && !previous.equals(queue)) {
			this.assignee = null;
		}
		// the rule and its reason are for officers; the requester reads only which team has the request
		recordSystemNote("Queue " + queue + " (" + reason + ")", TimelineNote.PASSED_TO_TEAM, queue, at);
		registerEvent(new TicketRouted(number(), queue, previous, reason));
	}

	/**
	 * An officer takes the ticket. A new ticket goes through ASSIGNED to WORK_IN_PROGRESS; the
	 * requester is told once, that someone works on it now.
	 */
	public void take(String officer, Instant at) {
		if (this.status.isClosed()) {
			throw new TicketClosed(number());
		}
		String before = this.assignee;
		this.assignee = officer;
		if (this.status == TicketStatus.OPEN) {
			moveTo(TicketStatus.ASSIGNED, officer, null, at, false);
		}
		if (this.status == TicketStatus.ASSIGNED) {
			moveTo(TicketStatus.WORK_IN_PROGRESS, officer, null, at, true);
		}
		else if (before != null && !before.equalsIgnoreCase(officer)) {
			recordSystemNote("Taken over from " + before + " by " + officer, at);
		}
	}

	/** An officer's answer to the requester; the ticket stays in work (an untaken one is taken by them). */
	public void answer(String officer, String text, Long inboundMessageId, Instant at) {
		takeIfNobodyWorksOnIt(officer, at);
		this.timeline.add(new TimelineEntry(this, TimelineEntryKind.OFFICER_MESSAGE, officer, text,
				inboundMessageId, at));
		this.updatedAt = at;
	}

	/** A note between officers: on the timeline, never shown or sent to the requester. */
	public void addInternalNote(String officer, String text, Long inboundMessageId, Instant at) {
		this.timeline.add(new TimelineEntry(this, TimelineEntryKind.INTERNAL_NOTE, officer, text, inboundMessageId,
				at));
		this.updatedAt = at;
	}

	private void takeIfNobodyWorksOnIt(String officer, Instant at) {
		if (this.status == TicketStatus.OPEN || this.status == TicketStatus.ASSIGNED) {
			if (this.assignee == null) {
				this.assignee = officer;
			}
			if (this.status == TicketStatus.OPEN) {
				moveTo(TicketStatus.ASSIGNED, officer, null, at, false);
			}
			moveTo(TicketStatus.WORK_IN_PROGRESS, officer, null, at, false);
		}
	}

	/** The requester was reminded that the ticket waits for them. */
	public void markReminded(Instant at) {
		this.remindedAt = at;
	}

	/**
	 * Nobody answered the proposed solution in time: the ticket closes, and the requester is told it
	 * was closed for want of an answer.
	 */
	public void closeForWantOfAnswer(String reason, Instant at) {
		moveTo(TicketStatus.CLOSED_COMPLETE, null, reason, at, true);
	}

	/**
	 * Closes the ticket whatever its status, because its requester's data is erased on request: the one
	 * way to close that skips the legal transitions, recorded in the status history with the operator,
	 * and announced to nobody (no event: no mail goes out).
	 */
	void closeForErasure(String operator, Instant at) {
		TicketStatus from = this.status;
		this.status = TicketStatus.CLOSED_COMPLETE;
		this.updatedAt = at;
		this.statusSince = at;
		this.remindedAt = null;
		this.timeline.add(TimelineEntry.statusChange(this, from, TicketStatus.CLOSED_COMPLETE, operator,
				"Closed: the requester's data was erased on request", null, at));
	}

	/**
	 * The message that came in with this inbound message was damaged and is shown as far as it could be
	 * read. The details are for officers; the requester's view says so in their language.
	 */
	public void recordDamagedMessage(String details, Long inboundMessageId, Instant at) {
		this.timeline.add(new TimelineEntry(this, TimelineEntryKind.DAMAGED_MAIL, null, details, inboundMessageId, at));
		this.updatedAt = at;
	}

	/**
	 * Something the gateway noticed, shown on the timeline to officers only (its text is theirs) and
	 * never sent anywhere.
	 */
	public void recordSystemNote(String note, Instant at) {
		recordSystemNote(note, null, null, at);
	}

	/**
	 * A system entry the requester may read too: officers read {@code text}, the requester the typed
	 * {@code note}'s sentence in their language.
	 */
	void recordSystemNote(String text, TimelineNote note, String argument, Instant at) {
		TimelineEntry entry = new TimelineEntry(this, TimelineEntryKind.SYSTEM, null, text, null, at);
		entry.note(note, argument);
		this.timeline.add(entry);
		this.updatedAt = at;
	}

	public void assign(String officer, Instant at) {
		moveTo(TicketStatus.ASSIGNED, officer, null, at);
	}

	public void startWork(String officer, Instant at) {
		moveTo(TicketStatus.WORK_IN_PROGRESS, officer, null, at);
	}

	public void askForInformation(String officer, String question, Instant at) {
		askForInformation(officer, question, null, at);
	}

	/**
	 * The officer needs something from the requester; an untaken ticket is taken by them first.
	 * {@code inboundMessageId} is the officer's mail, when the question came by mail.
	 */
	public void askForInformation(String officer, String question, Long inboundMessageId, Instant at) {
		takeIfNobodyWorksOnIt(officer, at);
		moveTo(TicketStatus.PENDING, officer, question, inboundMessageId, at, true);
	}

	public void resolve(String officer, String solution, Instant at) {
		resolve(officer, solution, null, at);
	}

	/** The officer proposes a solution; from PENDING the ticket passes through work silently. */
	public void resolve(String officer, String solution, Long inboundMessageId, Instant at) {
		takeIfNobodyWorksOnIt(officer, at);
		if (this.status == TicketStatus.PENDING) {
			moveTo(TicketStatus.WORK_IN_PROGRESS, officer, null, at, false);
		}
		moveTo(TicketStatus.AWAITING_ACCEPTANCE, officer, solution, inboundMessageId, at, true);
	}

	public void accept(String requesterAddress, Instant at) {
		moveTo(TicketStatus.CLOSED_COMPLETE, requesterAddress, null, at);
	}

	public void refuse(String requesterAddress, String reason, Instant at) {
		if (this.status == TicketStatus.AWAITING_ACCEPTANCE && (reason == null || reason.isBlank())) {
			throw new IllegalArgumentException("Refusing a solution needs a reason");
		}
		moveTo(TicketStatus.WORK_IN_PROGRESS, requesterAddress, reason, at);
		registerEvent(new SolutionRefused(number(), reason));
	}

	/**
	 * The one guarded door every status change goes through; also used by operator tooling that names
	 * the target status directly.
	 */
	public void changeStatus(TicketStatus target, String actor, String note, Instant at) {
		moveTo(target, actor, note, at);
	}

	private void moveTo(TicketStatus target, String actor, String note, Instant at) {
		moveTo(target, actor, note, at, true);
	}

	/**
	 * @param announce whether the requester hears of it: a step passed through on the way to another
	 * status (taking a new ticket passes ASSIGNED) is on the timeline but gets no mail of its own
	 */
	private void moveTo(TicketStatus target, String actor, String note, Instant at, boolean announce) {
		moveTo(target, actor, note, null, at, announce);
	}

	private void moveTo(TicketStatus target, String actor, String note, Long inboundMessageId, Instant at,
			boolean announce) {
		TicketStatus from = this.status;
		if (!from.canMoveTo(target)) {
			throw new TicketStatusChangeRefused(number(), from, target);
		}
		this.status = target;
		this.updatedAt = at;
		this.statusSince = at;
		this.remindedAt = null;
		this.timeline.add(TimelineEntry.statusChange(this, from, target, actor, note, inboundMessageId, at));
		if (announce) {
			registerEvent(new TicketStatusChanged(number(), from, target, note, inboundMessageId));
		}
	}

	/**
	 * Who a link to the officers' view of a ticket is issued to: the queue, not a person, so that any
	 * officer of it may open the link, and it stops opening once the ticket has left the queue.
	 */
	public static String queueAudience(String queue) {
		return "queue:" + queue;
	}

	/** Subjects are one line: folded headers and control characters never reach a template. */
	static String cleanSubject(String subject) {
		if (subject == null) {
			return "";
		}
		String oneLine = subject.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").replaceAll("\\s{2,}", " ").strip();
		return oneLine.length() > 500 ? oneLine.substring(0, 500) : oneLine;
	}

	public Long id() {
		return this.id;
	}

	public TicketNumber number() {
		return new TicketNumber(this.number);
	}

	public String subject() {
		return this.subject;
	}

	public TicketStatus status() {
		return this.status;
	}

	public Requester requester() {
		return this.requester;
	}

	public String formCode() {
		return this.formCode;
	}

	/** The id of the mailbox the ticket came in on; null when it came through the portal. */
	public String mailbox() {
		return this.mailbox;
	}

	/** Records the mailbox the opening mail came in on; once, as the ticket opens. */
	void cameInOn(String mailbox) {
		if (this.id == null) {
			this.mailbox = mailbox;
		}
	}

	public String queue() {
		return this.queue;
	}

	public String assignee() {
		return this.assignee;
	}

	public Instant statusSince() {
		return this.statusSince;
	}

	public Instant remindedAt() {
		return this.remindedAt;
	}

	/** What the requester wrote when opening the ticket; empty when the ticket was opened otherwise. */
	public String firstRequesterMessage() {
		return this.timeline.stream()
			.filter(entry -> entry.kind() == TimelineEntryKind.REQUESTER_MESSAGE)
			.map(TimelineEntry::body)
			.findFirst()
			.orElse("");
	}

	public boolean isParticipant(String address) {
		return this.requester.hasAddress(address);
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public List<TimelineEntry> timeline() {
		return Collections.unmodifiableList(this.timeline);
	}

}
