package be.persocontact.gateway.ticket;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One event in a ticket's history, as the requester and officers see it. */
@Entity
@DynamicUpdate // an update writes the changed columns only, never a stored mail or body again
@Table(name = "timeline_entry")
public class TimelineEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "ticket_id")
	private Ticket ticket;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TimelineEntryKind kind;

	private String author;

	@JdbcTypeCode(SqlTypes.LONGVARCHAR)
	private String body;

	@Enumerated(EnumType.STRING)
	@Column(name = "status_from")
	private TicketStatus statusFrom;

	@Enumerated(EnumType.STRING)
	@Column(name = "status_to")
	private TicketStatus statusTo;

	@Column(name = "inbound_message_id")
	private Long inboundMessageId;

	/**
	 * A requester's message as it arrived, before the intake trimmed quoted history and signatures from
	 * {@link #body}; null when nothing was trimmed. For officers: the employee's view shows the body.
	 */
	@JdbcTypeCode(SqlTypes.LONGVARCHAR)
	@Column(name = "received_text")
	private String receivedText;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	/** What the requester may read of a system entry; null: the entry is for officers only. */
	@Enumerated(EnumType.STRING)
	private TimelineNote note;

	@Column(name = "note_argument")
	private String noteArgument;

	protected TimelineEntry() {
	}

	TimelineEntry(Ticket ticket, TimelineEntryKind kind, String author, String body, Long inboundMessageId,
			Instant at) {
		this.ticket = ticket;
		this.kind = kind;
		this.author = author;
		this.body = body;
		this.inboundMessageId = inboundMessageId;
		this.createdAt = at;
	}

	static TimelineEntry statusChange(Ticket ticket, TicketStatus from, TicketStatus to, String author, String note,
			Long inboundMessageId, Instant at) {
		TimelineEntry entry = new TimelineEntry(ticket, TimelineEntryKind.STATUS_CHANGE, author, note,
				inboundMessageId, at);
		entry.statusFrom = from;
		entry.statusTo = to;
		return entry;
	}

	public Long id() {
		return this.id;
	}

	public TimelineEntryKind kind() {
		return this.kind;
	}

	public String author() {
		return this.author;
	}

	public String body() {
		return this.body;
	}

	public TicketStatus statusFrom() {
		return this.statusFrom;
	}

	public TicketStatus statusTo() {
		return this.statusTo;
	}

	public Long inboundMessageId() {
		return this.inboundMessageId;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public TimelineNote note() {
		return this.note;
	}

	/** The note's one argument: a queue code or a ticket number. */
	public String noteArgument() {
		return this.noteArgument;
	}

	void note(TimelineNote note, String argument) {
		this.note = note;
		this.noteArgument = argument;
	}

	public String receivedText() {
		return this.receivedText;
	}

	void keepReceivedText(String text) {
		this.receivedText = text;
	}

}
