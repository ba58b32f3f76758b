package be.persocontact.gateway.intake;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bytes of recorded mails, read where a mail is read and nowhere else: a record loaded for its state
 * never carries them ({@link InboundMessage}). Read outside any transaction, as the recorded bytes never
 * change; empty once purged or erased, or for a mail that was never readable.
 * <p>
 * A mail is read in pieces of 1 MB into an array of its size. Read whole, the driver assembles the row in a
 * buffer that grows to the mail's size and then copies it out: a 35 MB scan took 80 MB of heap for a moment,
 * the largest moment of its processing.
 */
@Component
class StoredMails {

	/** Bytes read per statement. */
	static final int PIECE = 1024 * 1024;

	private final JdbcClient jdbc;

	StoredMails(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The mail as recorded; empty when there is none (purged, erased, never readable, no such record). */
	byte[] of(long id) {
		// nearly every mail is read whole by this first statement, which also says how long it is
		First first = this.jdbc.sql("SELECT LENGTH(raw), SUBSTRING(raw, 1, ?) FROM inbound_message WHERE id = ?")
			.param(PIECE)
			.param(id)
			.query((row, number) -> new First(row.getLong(1), row.getBytes(2)))
			.optional()
			.orElse(null);
		if (first == null) {
			return new byte[0];
		}
		if (first.length() <= PIECE) {
			return first.piece();
		}
		byte[] mail = new byte[Math.toIntExact(first.length())];
		for (int from = 0; from < mail.length; from += PIECE) {
			byte[] piece = from == 0 ? first.piece()
					: this.jdbc.sql("SELECT SUBSTRING(raw, ?, ?) FROM inbound_message WHERE id = ?")
						.param(from + 1)
						.param(PIECE)
						.param(id)
						.query(byte[].class)
						.single();
			if (piece.length != Math.min(PIECE, mail.length - from)) {
				// emptied by the retention purge or an erasure while it was read
				throw new IllegalStateException("Inbound message " + id + " changed while it was read");
			}
			System.arraycopy(piece, 0, mail, from, piece.length);
		}
		return mail;
	}

	/** How many bytes are stored, without reading them; 0 when there is no such record. */
	long length(long id) {
		return this.jdbc.sql("SELECT COALESCE(MAX(LENGTH(raw)), 0) FROM inbound_message WHERE id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private record First(long length, byte[] piece) {
	}

}
