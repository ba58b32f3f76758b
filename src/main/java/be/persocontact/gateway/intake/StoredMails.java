package be.persocontact.gateway.intake;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bytes of recorded mails, read where a mail is read and nowhere else: a record loaded for its state
 * never carries them ({@link InboundMessage}). Read in one statement, outside any transaction, as the
 * recorded bytes never change; empty once purged or erased, or for a mail that was never readable.
 */
@Component
class StoredMails {

	private final JdbcClient jdbc;

	StoredMails(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	byte[] of(long id) {
		return this.jdbc.sql("SELECT raw FROM inbound_message WHERE id = ?").param(id).query(byte[].class).single();
	}

	/** How many bytes are stored, without reading them. */
	long length(long id) {
		return this.jdbc.sql("SELECT LENGTH(raw) FROM inbound_message WHERE id = ?").param(id).query(Long.class).single();
	}

}
