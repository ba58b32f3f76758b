package be.persocontact.gateway.notification;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One mail in the outbox, rendered when it was caused so that a re-send is byte for byte the same
 * mail with the same Message-ID.
 */
@Entity
@DynamicUpdate // an update writes the changed columns only, never a stored mail or body again
@Table(name = "outbound_mail")
public class OutboundMail {

	public enum Status {

		PENDING, SENT, FAILED,
		/** Not sent: the recipient's address is marked failing. Final until an operator clears the address. */
		HELD

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "message_id", nullable = false, updatable = false)
	private String messageId;

	@Column(name = "ticket_id")
	private Long ticketId;

	@Column(nullable = false)
	private String kind;

	@Column(nullable = false)
	private String language;

	@Column(nullable = false)
	private String recipient;

	@Column(nullable = false)
	private String subject;

	@Column(name = "in_reply_to")
	private String inReplyTo;

	/** The Reply-To of an officer-facing mail (a queue token); null: the recipient's own reply address. */
	@Column(name = "reply_to")
	private String replyTo;

	/** When set, the ticket's accepted files go with the mail, up to this many bytes together. */
	@Column(name = "attach_files_max")
	private Long attachFilesMax;

	/** When set with {@link #attachFilesMax}, only the files that came with this inbound mail go along. */
	@Column(name = "attach_inbound_id")
	private Long attachInboundId;

	@JdbcTypeCode(SqlTypes.LONGVARCHAR)
	@Column(name = "text_body", nullable = false)
	private String textBody;

	@JdbcTypeCode(SqlTypes.LONGVARCHAR)
	@Column(name = "html_body", nullable = false)
	private String htmlBody;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	private int attempts;

	@Column(insertable = false, updatable = false)
	private int claims;

	@Column(insertable = false, updatable = false)
	private int resends;

	@Column(name = "next_attempt_at", nullable = false)
	private Instant nextAttemptAt;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	/** The first mail the gateway ever wrote to this recipient; their number per hour is capped. */
	@Column(name = "first_contact", nullable = false)
	private boolean firstContact;

	@Column(name = "sent_at")
	private Instant sentAt;

	@JdbcTypeCode(SqlTypes.LONGVARCHAR)
	@Column(name = "last_error")
	private String lastError;

	protected OutboundMail() {
	}

	OutboundMail(String messageId, Long ticketId, String kind, String language, String recipient, String subject,
			String inReplyTo, RenderedMail body, Instant at) {
		this.messageId = messageId;
		this.ticketId = ticketId;
		this.kind = kind;
		this.language = language;
		this.recipient = recipient;
		this.subject = subject;
		this.inReplyTo = inReplyTo;
		this.textBody = body.text();
		this.htmlBody = body.html();
		this.status = Status.PENDING;
		this.nextAttemptAt = at;
		this.createdAt = at;
	}

	void markAttemptFailed(String error, Instant at, Duration backoff, int maxAttempts) {
		this.attempts++;
		this.lastError = error;
		if (this.attempts >= maxAttempts) {
			this.status = Status.FAILED;
		}
		else {
			this.nextAttemptAt = at.plus(backoff);
		}
	}

	/** Held back because its recipient's address is failing: never sent, never retried, kept for operators. */
	void hold(String why) {
		this.status = Status.HELD;
		this.lastError = why;
	}

	/** An operator cleared the address: the held mail goes out with the next outbox run. */
	void release(Instant at) {
		if (this.status == Status.HELD) {
			this.status = Status.PENDING;
			this.nextAttemptAt = at;
		}
	}

	public Long id() {
		return this.id;
	}

	public String messageId() {
		return this.messageId;
	}

	public Long ticketId() {
		return this.ticketId;
	}

	public String kind() {
		return this.kind;
	}

	public String language() {
		return this.language;
	}

	public String recipient() {
		return this.recipient;
	}

	public String subject() {
		return this.subject;
	}

	public String replyTo() {
		return this.replyTo;
	}

	void markFirstContact() {
		this.firstContact = true;
	}

	void replyTo(String address) {
		this.replyTo = address;
	}

	public Long attachFilesMax() {
		return this.attachFilesMax;
	}

	void attachFilesUpTo(Long maxBytes) {
		this.attachFilesMax = maxBytes;
	}

	public Long attachInboundId() {
		return this.attachInboundId;
	}

	/** The files an officer's mail brought go out with this mail, within the size cap. */
	void attachFilesOf(Long inboundMessageId, long maxBytes) {
		if (inboundMessageId != null) {
			this.attachInboundId = inboundMessageId;
			this.attachFilesMax = maxBytes;
		}
	}

	public String inReplyTo() {
		return this.inReplyTo;
	}

	public String textBody() {
		return this.textBody;
	}

	public String htmlBody() {
		return this.htmlBody;
	}

	public Status status() {
		return this.status;
	}

	public int attempts() {
		return this.attempts;
	}

	/** How many times this mail was handed to a sender. */
	public int claims() {
		return this.claims;
	}

	/** Sends after a claim whose outcome was lost: the recipient may have this mail twice, same Message-ID. */
	public int resends() {
		return this.resends;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant sentAt() {
		return this.sentAt;
	}

	public String lastError() {
		return this.lastError;
	}

}
