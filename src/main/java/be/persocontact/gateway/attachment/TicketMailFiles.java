package be.persocontact.gateway.attachment;

import java.util.ArrayList;
import java.util.List;

import be.persocontact.gateway.notification.MailFiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The accepted files of a ticket for a mail, smallest total first in arrival order, within the size cap. */
@Component
class TicketMailFiles implements MailFiles {

	private final JdbcClient jdbc;

	TicketMailFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<File> filesOf(long ticketId, long maxBytes) {
		return filesOf(ticketId, null, maxBytes);
	}

	@Override
	@Transactional(readOnly = true)
	public List<File> filesOf(long ticketId, long inboundMessageId, long maxBytes) {
		return filesOf(ticketId, Long.valueOf(inboundMessageId), maxBytes);
	}

	private List<File> filesOf(long ticketId, Long inboundMessageId, long maxBytes) {
		record Entry(long storedFileId, String name, String type, long size) {
		}
		List<Entry> entries = this.jdbc.sql("""
				SELECT stored_file_id, original_name, detected_type, size_bytes FROM ticket_attachment
				WHERE ticket_id = ? AND accepted AND stored_file_id IS NOT NULL
				  AND (? IS NULL OR inbound_message_id = ?) ORDER BY id""")
			.params(ticketId, inboundMessageId, inboundMessageId)
			.query((rs, row) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
		List<File> files = new ArrayList<>();
		long total = 0;
		for (Entry entry : entries) {
			if (total + entry.size() > maxBytes) {
				continue;
			}
			byte[] content = this.jdbc.sql("SELECT content FROM stored_file WHERE id = ?")
				.param(entry.storedFileId())
				.query(byte[].class)
				.single();
			files.add(new File(entry.name(), entry.type(), content));
			total += entry.size();
		}
		return files;
	}

}
