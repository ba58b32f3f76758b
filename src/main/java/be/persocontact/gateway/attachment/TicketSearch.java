package be.persocontact.gateway.attachment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds tickets by number, subject, message text or attachment text, for officers. Word search is
 * MariaDB FULLTEXT (ADR 0005): a read-only query over the ticket tables, kept here because this
 * module is the one that owns attachment text and already depends on the ticket module.
 */
@Service
@Transactional(readOnly = true)
public class TicketSearch {

	/** Shorter words are not in an InnoDB FULLTEXT index (innodb_ft_min_token_size = 3). */
	static final int MIN_WORD = 3;

	private static final int MAX_WORDS = 8;

	/**
	 * Best matches kept per source (subject, messages, attachments) before combining them per ticket:
	 * bounds the rows read for a word found in most of the tickets.
	 */
	static final int CANDIDATES_PER_SOURCE = 250;

	private static final Pattern NUMBER = Pattern.compile("(?i)\\bHRB\\d{7}\\b");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	private final JdbcClient jdbc;

	TicketSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Tickets matching the query, best first: an exact ticket number first, then by relevance, where
	 * a word in the subject counts double, newest first among equals. Words match as prefixes
	 * ({@code geboorte} finds {@code geboorteakte}). Only the best {@link #CANDIDATES_PER_SOURCE}
	 * matches of each source take part, so a word found in most tickets costs tens of milliseconds,
	 * not seconds.
	 */
	public List<TicketHit> search(String query, int limit) {
		if (query == null || query.isBlank() || limit <= 0) {
			return List.of();
		}
		int max = Math.min(limit, 200);
		Map<Long, TicketHit> hits = new LinkedHashMap<>();
		Matcher number = NUMBER.matcher(query);
		while (number.find()) {
			this.jdbc.sql("SELECT id, number, subject, status FROM ticket WHERE number = ?")
				.param(number.group().toUpperCase(Locale.ROOT))
				.query((rs, row) -> new TicketHit(rs.getLong("id"), rs.getString("number"), rs.getString("subject"),
						rs.getString("status"), Double.MAX_VALUE, Set.of(TicketHit.Source.NUMBER)))
				.optional()
				.ifPresent(hit -> hits.put(hit.ticketId(), hit));
		}
		String words = booleanQuery(NUMBER.matcher(query).replaceAll(" "));
		if (!words.isEmpty() && hits.size() < max) {
			for (TicketHit hit : wordSearch(words, max)) {
				hits.putIfAbsent(hit.ticketId(), hit);
			}
		}
		return hits.values().stream().limit(max).toList();
	}

	/**
	 * Each source gives at most {@link #CANDIDATES_PER_SOURCE} tickets before they are summed, grouped
	 * and sorted: InnoDB hands out MATCH results best first, so a LIMIT without ORDER BY keeps the best
	 * ones and spares reading every row of a word found in most tickets (ADR 0005).
	 */
	private List<TicketHit> wordSearch(String words, int limit) {
		return this.jdbc.sql("""
				SELECT t.id, t.number, t.subject, t.status, SUM(m.score) AS score, GROUP_CONCAT(DISTINCT m.source) AS sources
				FROM (
				  (SELECT id AS ticket_id, 2 * MATCH (subject) AGAINST (:q IN BOOLEAN MODE) AS score, 'SUBJECT' AS source
				   FROM ticket WHERE MATCH (subject) AGAINST (:q IN BOOLEAN MODE) LIMIT :candidates)
				  UNION ALL
				  (SELECT ticket_id, MATCH (body) AGAINST (:q IN BOOLEAN MODE), 'BODY'
				   FROM timeline_entry WHERE MATCH (body) AGAINST (:q IN BOOLEAN MODE) LIMIT :candidates)
				  UNION ALL
				  (SELECT ticket_id, MATCH (original_name, extracted_text) AGAINST (:q IN BOOLEAN MODE), 'ATTACHMENT'
				   FROM ticket_attachment WHERE MATCH (original_name, extracted_text) AGAINST (:q IN BOOLEAN MODE)
				   LIMIT :candidates)
				) m JOIN ticket t ON t.id = m.ticket_id
				GROUP BY t.id, t.number, t.subject, t.status
				ORDER BY score DESC, t.id DESC
				LIMIT :limit""")
			.param("q", words)
			.param("candidates", Math.max(CANDIDATES_PER_SOURCE, limit))
			.param("limit", limit)
			.query((rs, row) -> new TicketHit(rs.getLong("id"), rs.getString("number"), rs.getString("subject"),
					rs.getString("status"), rs.getDouble("score"), sources(rs.getString("sources"))))
			.list();
	}

	/**
	 * Only letters and digits reach the query, each as an optional prefix term: the user's input
	 * never becomes FULLTEXT operators.
	 */
	static String booleanQuery(String query) {
		List<String> words = new ArrayList<>();
		Matcher word = WORD.matcher(query);
		while (word.find() && words.size() < MAX_WORDS) {
			if (word.group().length() >= MIN_WORD) {
				words.add(word.group().toLowerCase(Locale.ROOT) + "*");
			}
		}
		return String.join(" ", words);
	}

	private static Set<TicketHit.Source> sources(String csv) {
		return Arrays.stream(csv.split(",")).map(TicketHit.Source::valueOf).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * One ticket found.
	 *
	 * @param score relevance (higher is better); an exact number match ranks above everything
	 * @param matchedIn where the query matched
	 */
	public record TicketHit(long ticketId, String number, String subject, String status, double score,
			Set<Source> matchedIn) {

		public enum Source {

			NUMBER, SUBJECT, BODY, ATTACHMENT

		}

	}

}
