package be.persocontact.gateway.intake;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Mutability;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** The stored record of one inbound message: its raw bytes, where it came from, and how it ended. */
@Entity
@DynamicUpdate // an update writes the changed columns only, never a stored mail or body again
@Table(name = "inbound_message")
public class InboundMessage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String channel;

	private String mailbox;

	@Column(name = "uid_validity")
	private Long uidValidity;

	private Long uid;

	@Column(name = "message_id")
	private String messageId;

	@Column(nullable = false)
	private String sha256;

	@Column(name = "dedup_key")
	private String dedupKey;

	@Column(name = "duplicate_of")
	private Long duplicateOf;

	@Column(name = "size_bytes", nullable = false)
	private long sizeBytes;

	/**
	 * The mail as received: written with the record and never read back with it. Every load of a record
	 * (its processing alone loads it four times) would otherwise carry the whole mail, 35 MB for a scan, and
	 * Hibernate would keep a copy of it as the record's snapshot. {@link StoredMails} reads it where the
	 * mail itself is read; retention and erasure empty it in SQL.
	 */
	@JdbcTypeCode(SqlTypes.LONGVARBINARY)
	@ColumnTransformer(read = "''")
	@Mutability(Immutability.class)
	@Column(nullable = false, updatable = false)
	private byte[] raw;

	@Column(name = "received_at", nullable = false)
	private Instant receivedAt;

	@Column(name = "processed_at")
	private Instant processedAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Outcome outcome;

	private String reason;

	@JdbcTypeCode(SqlTypes.LONGVARCHAR)
	private String error;

	private int attempts;

	private int deliveries;

	@Column(name = "ticket_number")
	private String ticketNumber;

	@Column(name = "thread_rule")
	private String threadRule;

	private String sender;

	@Column(name = "sender_source")
	private String senderSource;

	@JdbcTypeCode(SqlTypes.LONGVARCHAR)
	@Column(name = "read_notes")
	private String readNotes;

	private String subject;

	/** The configured mailbox it came from ({@code default} while there is one). */
	@Column(name = "mailbox_id", nullable = false)
	private String mailboxId = RawMail.DEFAULT_MAILBOX;

	/** The instance processing it until {@link #claimedUntil}, or that processed it last; null before. */
	@Column(name = "claimed_by")
	private String claimedBy;

	@Column(name = "claimed_until")
	private Instant claimedUntil;

	/** A mail that failed for a passing reason is tried again from then on. */
	@Column(name = "next_attempt_at")
	private Instant nextAttemptAt;

	/** The size the server gave a mail recorded by its header block only (larger than allowed); else null. */
	@Column(name = "declared_size")
	private Long declaredSize;

	/** When the retention purge or an erasure emptied {@link #raw}; null while the bytes are kept. */
	@Column(name = "raw_purged_at")
	private Instant rawPurgedAt;

	protected InboundMessage() {
	}

	InboundMessage(RawMail mail, String sha256, String dedupKey, Instant at) {
		this.channel = "MAIL";
		this.mailbox = mail.mailbox();
		this.uidValidity = mail.uidValidity();
		this.uid = mail.uid();
		this.raw = mail.bytes();
		this.sizeBytes = mail.bytes().length;
		this.sha256 = sha256;
		this.dedupKey = dedupKey;
		this.receivedAt = at;
		this.outcome = Outcome.RECEIVED;
		this.deliveries = 1;
		this.mailboxId = mail.mailboxId();
	}

	/** A second copy of a message already recorded: kept, pointing at the original. */
	static InboundMessage duplicateOf(InboundMessage original, RawMail mail, String sha256, Instant at) {
		InboundMessage duplicate = new InboundMessage(mail, sha256, null, at);
		duplicate.duplicateOf = original.id;
		duplicate.outcome = Outcome.DUPLICATE;
		duplicate.processedAt = at;
		duplicate.ticketNumber = original.ticketNumber;
		duplicate.messageId = original.messageId;
		duplicate.sender = original.sender;
		duplicate.senderSource = original.senderSource;
		duplicate.subject = original.subject;
		return duplicate;
	}

	void describe(String messageId, String sender, String subject) {
		this.messageId = truncate(messageId, 998);
		this.sender = truncate(sender, 320);
		this.subject = truncate(subject, 998);
	}

	/**
	 * How the mail was read: the header its sender came from (null when it has none), and what the reader
	 * tolerated or lost (null when it was read as written).
	 */
	void readAs(String senderSource, String readNotes) {
		this.senderSource = senderSource;
		this.readNotes = truncate(readNotes, 10_000);
	}

	/** Recorded by its header block only: the server said the whole mail has this many bytes. */
	void tooLarge(long size) {
		this.declaredSize = size;
	}

	void finish(Outcome outcome, String reason, String ticketNumber, Instant at) {
		release();
		this.outcome = outcome;
		this.reason = truncate(reason, 255);
		this.ticketNumber = ticketNumber;
		this.processedAt = at;
		this.error = null;
	}

	void threadedBy(String rule) {
		this.threadRule = rule;
	}

	int recordFailure(Throwable failure, Instant at) {
		this.attempts++;
		this.outcome = Outcome.FAILED;
		this.error = truncate(failure.getClass().getName() + ": " + failure.getMessage(), 10_000);
		this.processedAt = at;
		// the claim ends when the next attempt is set (InboundRecorder.retryAfter) or the mail is quarantined
		return this.attempts;
	}

	/** Ends the claim; {@link #claimedBy} stays, naming the instance that worked on it last. */
	private void release() {
		this.claimedUntil = null;
		this.nextAttemptAt = null;
	}

	void quarantine(Instant at) {
		quarantine("failed " + this.attempts + " times", at);
	}

	void quarantine(String reason, Instant at) {
		release();
		this.outcome = Outcome.QUARANTINED;
		this.reason = truncate(reason, 255);
		this.processedAt = at;
	}

	void redelivered() {
		this.deliveries++;
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	public Long id() {
		return this.id;
	}

	public String mailbox() {
		return this.mailbox;
	}

	public String mailboxId() {
		return this.mailboxId;
	}

	/** The size the server gave a mail recorded by its headers only, or null. */
	public Long declaredSize() {
		return this.declaredSize;
	}

	public String claimedBy() {
		return this.claimedBy;
	}

	public Long uidValidity() {
		return this.uidValidity;
	}

	/** The content key recording de-duplicates by ({@link MailFingerprint#dedupKey}); null for an unreadable mail. */
	String dedupKey() {
		return this.dedupKey;
	}

	public Long uid() {
		return this.uid;
	}

	public String messageId() {
		return this.messageId;
	}

	public String sha256() {
		return this.sha256;
	}

	public Instant rawPurgedAt() {
		return this.rawPurgedAt;
	}

	public long sizeBytes() {
		return this.sizeBytes;
	}

	public Instant receivedAt() {
		return this.receivedAt;
	}

	public Outcome outcome() {
		return this.outcome;
	}

	public String reason() {
		return this.reason;
	}

	public String error() {
		return this.error;
	}

	public int attempts() {
		return this.attempts;
	}

	public int deliveries() {
		return this.deliveries;
	}

	public Long duplicateOf() {
		return this.duplicateOf;
	}

	public String ticketNumber() {
		return this.ticketNumber;
	}

	public String threadRule() {
		return this.threadRule;
	}

	public String sender() {
		return this.sender;
	}

	public String subject() {
		return this.subject;
	}

	public String senderSource() {
		return this.senderSource;
	}

	public String readNotes() {
		return this.readNotes;
	}

}
