package be.persocontact.gateway.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import be.persocontact.gateway.access.RecipientHash;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of exports and erasures ({@code privacy_request}): who asked, when, why, and what came of it. The
 * person is kept as pseudonyms only (an address as the access log keeps it, {@link RecipientHash}; an
 * employee id hashed alike), so that the log of an erasure holds nothing of whom it erased, and an operator
 * who knows the address still finds the requests about it.
 */
@Component
public class PrivacyRequests {

	static final int MAX_OPERATOR_CHARS = 320;

	static final int MAX_REASON_CHARS = 1000;

	private final JdbcClient jdbc;

	PrivacyRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The pseudonym of an address, equal to the one of the access and revocation logs. */
	static String keyOfAddress(String address) {
		return RecipientHash.of(address);
	}

	static String keyOfEmployee(String employeeId) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(("employee:" + employeeId.strip()).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 unavailable", ex);
		}
	}

	/** Records a request as started, in its own transaction: it stays logged whatever happens next. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public long start(Kind kind, String operator, String reason, Set<String> subjectKeys, Instant at) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO privacy_request (kind, requested_at, operator, reason, status) VALUES (?, ?, ?, ?, ?)")
			.params(kind.name(), Timestamp.from(at), operator, reason, "STARTED")
			.update(key, "id");
		long id = key.getKey().longValue();
		for (String subjectKey : subjectKeys) {
			this.jdbc.sql("INSERT INTO privacy_request_subject (request_id, subject_key) VALUES (?, ?)")
				.params(id, subjectKey)
				.update();
		}
		return id;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void finish(long id, String status, String summary, Instant at) {
		this.jdbc.sql("UPDATE privacy_request SET status = ?, summary = ?, completed_at = ? WHERE id = ?")
			.params(status, summary, Timestamp.from(at), id)
			.update();
	}

	/** The requests, newest first; about one person when {@code subjectKey} is given. */
	@Transactional(readOnly = true)
	public List<Request> find(String subjectKey, int limit) {
		return this.jdbc.sql("""
				SELECT r.* FROM privacy_request r
				WHERE :key IS NULL OR EXISTS (SELECT 1 FROM privacy_request_subject s
				  WHERE s.request_id = r.id AND s.subject_key = :key)
				ORDER BY r.id DESC LIMIT :limit""")
			.param("key", subjectKey)
			.param("limit", limit)
			.query((rs, row) -> new Request(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
					rs.getTimestamp("requested_at").toInstant(),
					rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant(),
					rs.getString("operator"), rs.getString("reason"), rs.getString("status"), rs.getString("summary")))
			.list();
	}

	public enum Kind {

		EXPORT, ERASURE

	}

	/** One logged request; {@code summary} is JSON (what was found or erased, the ticket numbers). */
	public record Request(long id, Kind kind, Instant requestedAt, Instant completedAt, String operator, String reason,
			String status, String summary) {
	}

}
