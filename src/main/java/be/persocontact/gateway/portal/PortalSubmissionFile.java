package be.persocontact.gateway.portal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A file of an accepted submission, kept with its hash until the attachment module takes files over
 * (type detection, text extraction, storage shared with mail attachments).
 */
@Entity
@Table(name = "portal_submission_file")
class PortalSubmissionFile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "submission_id")
	private PortalSubmission submission;

	@Column(nullable = false)
	private String name;

	@Column(name = "declared_type")
	private String declaredType;

	@Column(name = "size_bytes", nullable = false)
	private long sizeBytes;

	@Column(nullable = false)
	private String sha256;

	@JdbcTypeCode(SqlTypes.LONGVARBINARY)
	@Column(nullable = false)
	private byte[] content;

	protected PortalSubmissionFile() {
	}

	PortalSubmissionFile(PortalSubmission submission, SubmittedFile file) {
		this.submission = submission;
		this.name = file.name().length() > 255 ? file.name().substring(0, 255) : file.name();
		this.declaredType = file.declaredType() == null || file.declaredType().length() > 255 ? null
				: file.declaredType();
		this.sizeBytes = file.size();
		this.sha256 = Hashes.sha256(file.content());
		this.content = file.content();
	}

}
