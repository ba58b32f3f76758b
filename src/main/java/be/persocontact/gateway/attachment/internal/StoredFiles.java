package be.persocontact.gateway.attachment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * File contents by SHA-256. Plain SQL rather than JPA: a LONGBLOB should travel only when a file is
 * downloaded, and "insert unless present" must hold under concurrent intakes without an exception
 * rolling back a ticket.
 */
@Repository
public class StoredFiles {

	private final JdbcClient jdbc;

	StoredFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The id of the file with these bytes, stored now unless it already was. */
	public long storeOnce(String sha256, String detectedType, byte[] content, Instant at) {
		// LAST_INSERT_ID(id) makes the existing row's id the generated key: one statement, no race
		this.jdbc.sql("INSERT INTO stored_file (sha256, size_bytes, detected_type, content, created_at) "
				+ "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)")
			.params(sha256, content.length, detectedType, content, Timestamp.from(at))
			.update();
		return this.jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
	}

	public Optional<byte[]> content(long id) {
		return this.jdbc.sql("SELECT content FROM stored_file WHERE id = ?").param(id).query(byte[].class).optional();
	}

	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM stored_file").query(Long.class).single();
	}

}
