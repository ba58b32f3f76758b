package be.persocontact.gateway.attachment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the attachment module holds about people, for retention, export and erasure: the files (stored once
 * by content, possibly shared by several tickets), their names and metadata (author, creation date, the
 * names inside a forwarded mail), and the text read from them (which also feeds the search index). A file
 * whose bytes are purged keeps its receipt (type, size, pages, accepted or why not) without name or hash;
 * the stored bytes go once no ticket refers to them any more. Changes join the caller's transaction.
 */
@Service
public class AttachmentPersonalData {

	private final JdbcClient jdbc;

	AttachmentPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Removes a ticket's files: the bytes (when no other ticket has the same file), the names, hashes and
	 * metadata; the receipts stay, marked {@code file_purged_at}.
	 * @return the receipts changed plus the stored files deleted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int purgeFilesOfTicket(long ticketId, Instant at) {
		List<Long> stored = storedFilesOf(ticketId);
		int changed = this.jdbc.sql("""
				UPDATE ticket_attachment SET stored_file_id = NULL, original_name = '', contained_in = NULL,
				  contents = NULL, author = NULL, document_created_at = NULL, sha256 = NULL, declared_type = NULL,
				  file_purged_at = COALESCE(file_purged_at, ?)
				WHERE ticket_id = ? AND (file_purged_at IS NULL OR stored_file_id IS NOT NULL OR original_name <> '')""")
			.params(Timestamp.from(at), ticketId)
			.update();
		return changed + deleteUnreferenced(stored);
	}

	/**
	 * Removes the text read from a ticket's files (routing and search needed it; the search index forgets it
	 * with it), marked {@code text_purged_at}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int purgeTextsOfTicket(long ticketId, Instant at) {
		return this.jdbc.sql("""
				UPDATE ticket_attachment SET extracted_text = NULL, text_truncated = FALSE,
				  text_purged_at = COALESCE(text_purged_at, ?)
				WHERE ticket_id = ? AND (text_purged_at IS NULL OR extracted_text IS NOT NULL)""")
			.params(Timestamp.from(at), ticketId)
			.update();
	}

	/** Deletes a ticket's receipts and the files no other ticket has. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int deleteOfTicket(long ticketId) {
		List<Long> stored = storedFilesOf(ticketId);
		int deleted = this.jdbc.sql("DELETE FROM ticket_attachment WHERE ticket_id = ?").param(ticketId).update();
		return deleted + deleteUnreferenced(stored);
	}

	/** Every receipt of these tickets with what was read from the file, oldest first. */
	@Transactional(readOnly = true)
	public List<FileRecord> filesOf(Collection<Long> ticketIds) {
		if (ticketIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT id, ticket_id, original_name, contained_in, declared_type, detected_type, size_bytes, sha256,
				  accepted, refusal_reason, pages, author, document_created_at, contents, extracted_text, received_at,
				  stored_file_id IS NOT NULL AS has_file, file_purged_at, text_purged_at
				FROM ticket_attachment WHERE ticket_id IN (:ids) ORDER BY id""")
			.param("ids", ticketIds)
			.query((rs, row) -> new FileRecord(rs.getLong("id"), rs.getLong("ticket_id"), rs.getString("original_name"),
					rs.getString("contained_in"), rs.getString("declared_type"), rs.getString("detected_type"),
					rs.getLong("size_bytes"), rs.getString("sha256"), rs.getBoolean("accepted"),
					rs.getString("refusal_reason"), (Integer) rs.getObject("pages", Integer.class),
					rs.getString("author"), instant(rs.getTimestamp("document_created_at")), rs.getString("contents"),
					rs.getString("extracted_text"), instant(rs.getTimestamp("received_at")), rs.getBoolean("has_file"),
					instant(rs.getTimestamp("file_purged_at")), instant(rs.getTimestamp("text_purged_at"))))
			.list();
	}

	/** The bytes of one file of a ticket; empty when refused or purged. */
	@Transactional(readOnly = true)
	public Optional<byte[]> content(long attachmentId) {
		return this.jdbc.sql("""
				SELECT f.content FROM ticket_attachment a JOIN stored_file f ON f.id = a.stored_file_id
				WHERE a.id = ?""")
			.param(attachmentId)
			.query(byte[].class)
			.optional();
	}

	private List<Long> storedFilesOf(long ticketId) {
		return this.jdbc.sql("SELECT DISTINCT stored_file_id FROM ticket_attachment WHERE ticket_id = ? "
				+ "AND stored_file_id IS NOT NULL")
			.param(ticketId)
			.query(Long.class)
			.list();
	}

	/**
	 * Deletes the stored files no receipt refers to any more. A file another intake is storing right now
	 * for a new ticket is refused by the foreign key, and stays.
	 */
	private int deleteUnreferenced(List<Long> storedFileIds) {
		int deleted = 0;
		for (Long id : storedFileIds) {
			try {
				deleted += this.jdbc.sql("""
						DELETE FROM stored_file WHERE id = ?
						  AND NOT EXISTS (SELECT 1 FROM ticket_attachment WHERE stored_file_id = ?)""")
					.params(id, id)
					.update();
			}
			catch (DataIntegrityViolationException stillInUse) {
				// referred to by a receipt committed meanwhile: it is that ticket's file now
			}
		}
		return deleted;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** One file of a ticket as an export lists it. */
	public record FileRecord(long id, long ticketId, String name, String containedIn, String declaredType,
			String detectedType, long size, String sha256, boolean accepted, String refusalReason, Integer pages,
			String author, Instant documentCreatedAt, String contents, String extractedText, Instant receivedAt,
			boolean hasFile, Instant filePurgedAt, Instant textPurgedAt) {
	}

}
