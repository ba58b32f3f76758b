package be.persocontact.gateway.portal;

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
 * The stored record of one submission: the JSON as received (files by name, type, size and hash), who
 * sent it, and how it ended. Refused submissions are kept too, with their problems, for support. The
 * files themselves are kept by the attachment module, once by content, beside the ticket.
 */
@Entity
@DynamicUpdate // an update writes the changed columns only, never a stored mail or body again
@Table(name = "portal_submission")
public class PortalSubmission {

	public enum Outcome {

		TICKET_CREATED, REFUSED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String caller;

	@Column(name = "idempotency_key")
	private String idempotencyKey;

	/** Caller and key, hashed; set only on accepted submissions, so a refused one can be corrected and resent. */
	@Column(name = "dedup_key")
	private String dedupKey;

	@Column(name = "form_code")
	private String formCode;

	@Column(name = "employee_id")
	private String employeeId;

	@Column(name = "employee_address")
	private String employeeAddress;

	private String language;

	@JdbcTypeCode(SqlTypes.LONGVARCHAR)
	@Column(nullable = false)
	private String payload;

	@Column(nullable = false)
	private String sha256;

	@Column(name = "received_at", nullable = false)
	private Instant receivedAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Outcome outcome;

	@JdbcTypeCode(SqlTypes.LONGVARCHAR)
	private String problems;

	@Column(name = "ticket_number")
	private String ticketNumber;

	protected PortalSubmission() {
	}

	PortalSubmission(String caller, Submission submission, String payload, String sha256, Instant at) {
		this.caller = truncate(caller, 190);
		this.idempotencyKey = truncate(submission.idempotencyKey(), 190);
		this.formCode = truncate(submission.formCode(), 64);
		this.employeeId = truncate(submission.employeeId(), 64);
		this.employeeAddress = truncate(submission.employeeAddress(), 320);
		this.language = truncate(submission.language(), 2);
		this.payload = payload;
		this.sha256 = sha256;
		this.receivedAt = at;
	}

	void refused(String problems) {
		this.outcome = Outcome.REFUSED;
		this.problems = problems;
	}

	void accepted(String dedupKey, String ticketNumber) {
		this.outcome = Outcome.TICKET_CREATED;
		this.dedupKey = dedupKey;
		this.ticketNumber = ticketNumber;
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	public Long id() {
		return this.id;
	}

	public String sha256() {
		return this.sha256;
	}

	public Outcome outcome() {
		return this.outcome;
	}

	public String ticketNumber() {
		return this.ticketNumber;
	}

	public String employeeAddress() {
		return this.employeeAddress;
	}

	public String payload() {
		return this.payload;
	}

}
