package be.persocontact.gateway.attachment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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

	/** Most words whose document frequency is remembered; the cache is cleared when it is full. */
	private static final int MAX_CACHED_WORDS = 10_000;

	private final JdbcClient jdbc;

	private final double frequentShare;

	private final int sampleTickets;

	private final int recentWindow;

	private final Duration frequencyTtl;

	private final Clock clock;

	private final Map<String, Frequency> frequencies = new ConcurrentHashMap<>();

	@Autowired
	TicketSearch(JdbcClient jdbc, @Value("${gateway.search.frequent-share:0.10}") double frequentShare,
			@Value("${gateway.search.sample-tickets:500}") int sampleTickets,
			@Value("${gateway.search.recent-window:5000}") int recentWindow,
			@Value("${gateway.search.frequency-ttl:10m}") Duration frequencyTtl) {
		this(jdbc, frequentShare, sampleTickets, recentWindow, frequencyTtl, Clock.systemUTC());
	}

	TicketSearch(JdbcClient jdbc, double frequentShare, int sampleTickets, int recentWindow, Duration frequencyTtl,
			Clock clock) {
		this.jdbc = jdbc;
		this.frequentShare = frequentShare;
		this.sampleTickets = sampleTickets;
		this.recentWindow = recentWindow;
		this.frequencyTtl = frequencyTtl;
		this.clock = clock;
	}

	/**
	 * Tickets matching the query, best first: an exact ticket number first, then by relevance, where
	 * a word in the subject counts double, newest first among equals. Words match as prefixes
	 * ({@code geboorte} finds {@code geboorteakte}).
	 * <p>
	 * A word found in more than {@code gateway.search.frequent-share} of the (newest) tickets says
	 * almost nothing about relevance and is expensive for FULLTEXT, which reads every posting of it
	 * (ADR 0005, frequent words). Such a word does not drive the search: the rarer words of the query
	 * do, and tickets that also hold the frequent words come first among their matches; when only
	 * frequent words are left, the answer is the newest tickets of the last
	 * {@code gateway.search.recent-window} holding them (all of them first, then any).
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
		List<String> words = words(NUMBER.matcher(query).replaceAll(" "));
		if (!words.isEmpty() && hits.size() < max) {
			List<String> rare = new ArrayList<>();
			List<String> frequent = new ArrayList<>();
			for (String word : words) {
				(isFrequent(word) ? frequent : rare).add(word);
			}
			if (!rare.isEmpty()) {
				for (TicketHit hit : wordSearch(booleanQuery(rare), frequent, max)) {
					hits.putIfAbsent(hit.ticketId(), hit);
				}
			}
			if (!frequent.isEmpty() && hits.size() < max) {
				// all frequent words first, then any of them, as the word search ranks several words
				for (TicketHit hit : recentSearch(frequent, true, max)) {
					hits.putIfAbsent(hit.ticketId(), hit);
				}
				if (frequent.size() > 1 && hits.size() < max) {
					for (TicketHit hit : recentSearch(frequent, false, max)) {
						hits.putIfAbsent(hit.ticketId(), hit);
					}
				}
			}
		}
		return hits.values().stream().limit(max).toList();
	}

	/**
	 * Whether the word (as a prefix) is in more than the frequent share of the newest
	 * {@code sample-tickets} tickets. Counting a word's matches with FULLTEXT costs as much as the
	 * search it should spare; a sample of the newest tickets is bounded, and it estimates the share
	 * where officers search most. Remembered per word for {@code frequency-ttl}.
	 */
	boolean isFrequent(String word) {
		Instant now = this.clock.instant();
		Frequency known = this.frequencies.get(word);
		if (known != null && known.until().isAfter(now)) {
			return known.frequent();
		}
		if (this.frequencies.size() >= MAX_CACHED_WORDS) {
			this.frequencies.clear();
		}
		boolean frequent = sampleShare(word) > this.frequentShare;
		this.frequencies.put(word, new Frequency(frequent, now.plus(this.frequencyTtl)));
		return frequent;
	}

	private double sampleShare(String word) {
		Map<String, Object> counts = this.jdbc.sql("""
				SELECT COUNT(*) AS sampled, COALESCE(SUM(""" + contains("t", 1) + """
				), 0) AS holding
				FROM (SELECT id, subject FROM ticket ORDER BY id DESC LIMIT :sample) t""")
			.param("sample", this.sampleTickets)
			.param("w1", like(word))
			.query()
			.singleRow();
		long sampled = ((Number) counts.get("sampled")).longValue();
		return (sampled == 0) ? 0 : ((Number) counts.get("holding")).doubleValue() / sampled;
	}

	/**
	 * The newest tickets among the last {@code recent-window} that hold all (or any) of the words,
	 * newest first: the PRIMARY KEY is read backwards and stops at {@code limit} matches, which for a
	 * frequent word means a few hundred tickets at most (ADR 0005, frequent words).
	 */
	private List<TicketHit> recentSearch(List<String> words, boolean all, int limit) {
		List<String> conditions = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			conditions.add(contains("t", i + 1));
		}
		var statement = this.jdbc.sql("""
				SELECT t.id, t.number, t.subject, t.status,
				  t.subject LIKE :any AS in_subject,
				  (SELECT 1 FROM timeline_entry e FORCE INDEX (ix_timeline_ticket)
				   WHERE e.ticket_id = t.id AND e.body LIKE :any LIMIT 1) IS NOT NULL AS in_body,
				  (SELECT 1 FROM ticket_attachment a FORCE INDEX (ix_ticket_attachment_ticket) WHERE a.ticket_id = t.id
				   AND (a.original_name LIKE :any OR a.extracted_text LIKE :any) LIMIT 1) IS NOT NULL AS in_attachment
				FROM ticket t
				WHERE t.id > (SELECT COALESCE(MAX(id), 0) FROM ticket) - :window
				  AND (""" + String.join(all ? " AND " : " OR ", conditions) + """
				)
				ORDER BY t.id DESC
				LIMIT :limit""")
			.param("window", this.recentWindow)
			.param("limit", limit)
			// the sources shown: where the first frequent word is
			.param("any", like(words.get(0)));
		for (int i = 0; i < words.size(); i++) {
			statement = statement.param("w" + (i + 1), like(words.get(i)));
		}
		return statement.query((rs, row) -> {
			Set<TicketHit.Source> sources = new java.util.HashSet<>();
			if (rs.getBoolean("in_subject")) {
				sources.add(TicketHit.Source.SUBJECT);
			}
			if (rs.getBoolean("in_body")) {
				sources.add(TicketHit.Source.BODY);
			}
			if (rs.getBoolean("in_attachment")) {
				sources.add(TicketHit.Source.ATTACHMENT);
			}
			return new TicketHit(rs.getLong("id"), rs.getString("number"), rs.getString("subject"),
					rs.getString("status"), 0, Set.copyOf(sources));
		}).list();
	}

	/**
	 * SQL true when ticket {@code alias} holds the word bound as {@code :w<n>} (a LIKE pattern) in its
	 * subject, a message or an attachment. LIKE follows the column's collation, so it ignores case and
	 * accents as FULLTEXT does; it also matches inside a compound, which FULLTEXT does not. The ticket
	 * index is forced: right after a bulk insert the statistics made MariaDB scan every message per
	 * ticket (measured: 85,000 rows read instead of ~100).
	 */
	private static String contains(String alias, int n) {
		return """
				(%1$s.subject LIKE :w%2$d
				 OR (SELECT 1 FROM timeline_entry e%2$d FORCE INDEX (ix_timeline_ticket)
				     WHERE e%2$d.ticket_id = %1$s.id AND e%2$d.body LIKE :w%2$d LIMIT 1) IS NOT NULL
				 OR (SELECT 1 FROM ticket_attachment a%2$d FORCE INDEX (ix_ticket_attachment_ticket)
				     WHERE a%2$d.ticket_id = %1$s.id AND (a%2$d.original_name LIKE :w%2$d OR a%2$d.extracted_text LIKE :w%2$d)
				     LIMIT 1) IS NOT NULL)""".formatted(alias, n);
	}

	/** Words hold only letters and digits, so they need no escaping for LIKE. */
	private static String like(String word) {
		return "%" + word + "%";
	}

	/**
	 * Each source gives at most {@link #CANDIDATES_PER_SOURCE} tickets before they are summed, grouped
	 * and sorted: InnoDB hands out MATCH results best first, so a LIMIT without ORDER BY keeps the best
	 * ones and spares reading every row of a word found in most tickets (ADR 0005).
	 */
	private List<TicketHit> wordSearch(String words, List<String> frequent, int limit) {
		List<String> conditions = new ArrayList<>();
		for (int i = 0; i < frequent.size(); i++) {
			conditions.add(contains("t", i + 1));
		}
		// tickets holding more of the frequent words come first; the rare words' relevance orders the rest
		String frequentFound = conditions.isEmpty() ? "0" : String.join(" + ", conditions);
		var statement = this.jdbc.sql("""
				SELECT t.id, t.number, t.subject, t.status, m.score, m.sources, """ + frequentFound + """
				 AS frequent_found
				FROM (
				SELECT m.ticket_id, SUM(m.score) AS score, GROUP_CONCAT(DISTINCT m.source) AS sources
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
				) m GROUP BY m.ticket_id
				) m JOIN ticket t ON t.id = m.ticket_id
				ORDER BY frequent_found DESC, m.score DESC, t.id DESC
				LIMIT :limit""")
			.param("q", words)
			.param("candidates", Math.max(CANDIDATES_PER_SOURCE, limit))
			.param("limit", limit);
		for (int i = 0; i < frequent.size(); i++) {
			statement = statement.param("w" + (i + 1), like(frequent.get(i)));
		}
		return statement.query((rs, row) -> new TicketHit(rs.getLong("id"), rs.getString("number"), rs.getString("subject"),
					rs.getString("status"), rs.getDouble("score"), sources(rs.getString("sources"))))
			.list();
	}

	/**
	 * Only letters and digits reach the query, each as an optional prefix term: the user's input
	 * never becomes FULLTEXT operators.
	 */
	static String booleanQuery(String query) {
		return booleanQuery(words(query));
	}

	private static String booleanQuery(List<String> words) {
		return words.stream().map(word -> word + "*").collect(Collectors.joining(" "));
	}

	/** The query's distinct words of at least {@link #MIN_WORD} letters or digits, lower case. */
	static List<String> words(String query) {
		List<String> words = new ArrayList<>();
		Matcher word = WORD.matcher(query);
		while (word.find() && words.size() < MAX_WORDS) {
			String found = word.group().toLowerCase(Locale.ROOT);
			if (found.length() >= MIN_WORD && !words.contains(found)) {
				words.add(found);
			}
		}
		return words;
	}

	private record Frequency(boolean frequent, Instant until) {
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
