package be.persocontact.gateway.attachment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import be.persocontact.gateway.attachment.AttachmentReceipt;
import be.persocontact.gateway.attachment.RefusalReason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The receipts of a ticket's files, with the text and metadata of the accepted ones. */
@Repository
public class TicketAttachments {

	private final JdbcClient jdbc;

	TicketAttachments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long add(long ticketId, Long storedFileId, InspectedFile file, Long inboundMessageId, Instant at) {
		AttachmentReceipt receipt = file.receipt();
		ExtractedContent extracted = file.extracted();
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO ticket_attachment (ticket_id, stored_file_id, original_name, contained_in, declared_type,
				  detected_type, size_bytes, sha256, accepted, refusal_reason, pages, author, document_created_at,
				  contents, extracted_text, text_truncated, received_at, inbound_message_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(ticketId, storedFileId, receipt.name(), receipt.containedIn(), clip(file.declaredType()),
					receipt.detectedType(), receipt.size(), receipt.sha256(), receipt.accepted(),
					receipt.reason() == null ? null : receipt.reason().name(), receipt.pages(),
					extracted == null ? null : extracted.author(),
					extracted == null || extracted.created() == null ? null : Timestamp.from(extracted.created()),
					receipt.contents().isEmpty() ? null : String.join("\n", receipt.contents()),
					extracted == null ? null : extracted.text(), extracted != null && extracted.truncated(),
					Timestamp.from(at), inboundMessageId)
			.update(key, "id");
		return key.getKey().longValue();
	}

	public List<AttachmentReceipt> receiptsOf(long ticketId) {
		return this.jdbc.sql("""
				SELECT id, original_name, accepted, refusal_reason, detected_type, pages, size_bytes, sha256,
				  contained_in, contents FROM ticket_attachment WHERE ticket_id = ? ORDER BY id""")
			.param(ticketId)
			.query((rs, row) -> new AttachmentReceipt(rs.getLong("id"), rs.getString("original_name"),
					rs.getBoolean("accepted"),
					rs.getString("refusal_reason") == null ? null : RefusalReason.valueOf(rs.getString("refusal_reason")),
					rs.getString("detected_type"), (Integer) rs.getObject("pages", Integer.class),
					rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("contained_in"),
					rs.getString("contents") == null ? List.of() : List.of(rs.getString("contents").split("\n"))))
			.list();
	}

	/** The text extracted from a ticket's accepted files, in the order they came, for routing. */
	public String textOf(long ticketId) {
		return String.join("\n", this.jdbc.sql("""
				SELECT extracted_text FROM ticket_attachment
				WHERE ticket_id = ? AND accepted AND extracted_text IS NOT NULL ORDER BY id""")
			.param(ticketId)
			.query(String.class)
			.list());
	}

	/** An accepted file, for download. */
	public Optional<Download> download(long attachmentId) {
		return this.jdbc.sql("""
				SELECT ticket_id, stored_file_id, original_name, detected_type FROM ticket_attachment
				WHERE id = ? AND accepted AND stored_file_id IS NOT NULL""")
			.param(attachmentId)
			.query((rs, row) -> new Download(rs.getLong("ticket_id"), rs.getLong("stored_file_id"),
					rs.getString("original_name"), rs.getString("detected_type")))
			.optional();
	}

	/** The receipts of a ticket whose file was removed after its retention period (or erased on request). */
	public java.util.Set<Long> removedOf(long ticketId) {
		return java.util.Set.copyOf(this.jdbc.sql("SELECT id FROM ticket_attachment WHERE ticket_id = ? "
				+ "AND file_purged_at IS NOT NULL").param(ticketId).query(Long.class).list());
	}

	private static String clip(String value) {
		return value == null || value.length() <= 255 ? value : value.substring(0, 255);
	}

	public record Download(long ticketId, long storedFileId, String name, String detectedType) {
	}

}
