package be.persocontact.gateway.attachment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Not a test: a measurement, run on demand and reported in docs/benchmarks.md.
 *
 * <pre>
 * ./mvnw -B test -Dtest=SearchBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Seeds 100,000 tickets (each with one message, 30 % with an attachment text) in four languages into
 * the embedded MariaDB, then times {@link TicketSearch} queries; and pushes the PDF/DOCX/JPEG mails of
 * {@code ../shared/bench/gen_corpus.py} through {@link MailAttachments} and the inspection pipeline.
 */
@SpringBootTest
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class SearchBenchmark {

	static final int TICKETS = 100_000;

	static final String[] WORDS = ("attest medisch ziekteverlof geboorteakte gezinssamenstelling ouderschapsverlof "
			+ "loopbaanonderbreking thuiswerk woonwerkverkeer loonsimulatie vierdagenweek pleegouder mantelzorger "
			+ "vonnis rechtbank adreswijziging kinderbijslag vakantiedagen certificat médical congé parental "
			+ "naissance composition ménage télétravail pause carrière salaire déplacement domicile jugement "
			+ "tribunal aidant proches Arbeitsunfähigkeit Geburtsurkunde Elternurlaub Telearbeit Laufbahnunterbrechung "
			+ "Gehalt Pendelzulage Familienzusammensetzung Gericht Pflegeeltern medical certificate birth parental "
			+ "leave telework career break salary simulation commuting allowance household court decision foster "
			+ "carer recognition request please attached document thank you regards employee service").split(" ");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TicketSearch search;

	@Autowired
	AttachmentManagement attachments;

	@Test
	void measure() throws Exception {
		StringBuilder report = new StringBuilder();
		long seeded = seed();
		report.append("Seeded ").append(TICKETS).append(" tickets in ").append(seeded / 1000).append(" s\n\n");
		report.append("| Query | Hits (limit 20) | First ms | Median ms | p95 ms |\n|---|---|---|---|---|\n");
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("exact number", "HRB5050000");
		queries.put("rare word (10 tickets)", "zeldzaamwoord");
		queries.put("attachment-only word (~300 tickets)", "rijksregisternummer");
		queries.put("frequent word (~40 %)", "pleegouder");
		queries.put("very frequent word (~98 %)", "attest");
		queries.put("two words", "geboorteakte naissance");
		queries.put("very frequent + rare word", "attest zeldzaamwoord");
		queries.put("prefix in compound", "geboorte");
		queries.put("no match", "xyzzyplugh");
		for (Map.Entry<String, String> query : queries.entrySet()) {
			double[] times = new double[60];
			int hits = 0;
			// the first search of a word (cold caches, the word's share not known yet)
			long first = System.nanoTime();
			this.search.search(query.getValue(), 20);
			double firstMs = (System.nanoTime() - first) / 1e6;
			for (int i = 0; i < 10; i++) {
				this.search.search(query.getValue(), 20);
			}
			for (int i = 0; i < times.length; i++) {
				long started = System.nanoTime();
				hits = this.search.search(query.getValue(), 20).size();
				times[i] = (System.nanoTime() - started) / 1e6;
			}
			Arrays.sort(times);
			report.append(String.format("| %s `%s` | %d | %.1f | %.1f | %.1f |%n", query.getKey(), query.getValue(), hits,
					firstMs, times[times.length / 2], times[(int) (times.length * 0.95)]));
		}
		System.out.println("BENCHMARK-SEARCH\n" + report);
		report.append("\n").append(pipeline());
		System.out.println("BENCHMARK\n" + report);
		Files.writeString(Path.of("target/benchmark-results.md"), report);
	}

	/**
	 * Generates the rows inside MariaDB (its built-in {@code seq_} sequence tables) in three
	 * INSERT…SELECT statements: row-by-row inserts over JDBC took longer than the searches to measure.
	 */
	private long seed() {
		long started = System.currentTimeMillis();
		this.jdbc.update("INSERT INTO stored_file (sha256, size_bytes, detected_type, content, created_at) "
				+ "VALUES (REPEAT('0', 64), 1, 'application/pdf', 'x', NOW(6))");
		long fileId = this.jdbc.queryForObject("SELECT id FROM stored_file WHERE sha256 = REPEAT('0', 64)", Long.class);
		long offset = this.jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM ticket", Long.class);
		int last = TICKETS - 1;
		this.jdbc.update("INSERT INTO ticket (id, number, subject, status, requester_address, requester_language, "
				+ "created_at, updated_at, status_since) SELECT " + offset + " + seq + 1, CONCAT('HRB', 5000000 + seq), CONCAT("
				+ words(4) + ", IF(seq % 10000 = 0, ' zeldzaamwoord', '')), 'OPEN', CONCAT('user', seq, "
				+ "'@example.org'), 'nl', NOW(6), NOW(6), NOW(6) FROM seq_0_to_" + last);
		this.jdbc.update("INSERT INTO timeline_entry (ticket_id, kind, author, body, created_at) SELECT " + offset
				+ " + seq + 1, 'REQUESTER_MESSAGE', CONCAT('user', seq, '@example.org'), CONCAT(IF(seq % 4 = 0, "
				+ "'attest ', ''), IF(seq % 100 = 0, 'pleegouder ', ''), " + words(30) + "), NOW(6) FROM seq_0_to_"
				+ last);
		this.jdbc.update("INSERT INTO ticket_attachment (ticket_id, stored_file_id, original_name, detected_type, "
				+ "size_bytes, accepted, pages, extracted_text, received_at) SELECT " + offset + " + seq + 1, " + fileId
				+ ", CONCAT('attest-', seq, '.pdf'), 'application/pdf', 1000, TRUE, 1, CONCAT(" + words(120)
				+ ", IF(seq % 100 = 1, ' rijksregisternummer', '')), NOW(6) FROM seq_0_to_" + last
				+ " WHERE seq % 10 < 3");
		this.jdbc.execute("ANALYZE TABLE ticket, timeline_entry, ticket_attachment");
		return System.currentTimeMillis() - started;
	}

	/** SQL for {@code count} words drawn Zipf-like (early words frequent, late ones rare), per row. */
	private static String words(int count) {
		String list = Arrays.stream(WORDS).map(word -> "'" + word + "'").collect(Collectors.joining(","));
		return IntStream.range(0, count)
			.mapToObj(i -> "ELT(1 + FLOOR(POW(RAND(), 2) * " + WORDS.length + "), " + list + ")")
			.collect(Collectors.joining(", ' ', ", "CONCAT(", ")"));
	}

	private String pipeline() throws Exception {
		Path corpus = Path.of("target/bench-corpus");
		Path generator = Path.of("../shared/bench/gen_corpus.py").toAbsolutePath().normalize();
		if (!Files.exists(generator)) {
			return "(gen_corpus.py not found: pipeline not measured)\n";
		}
		if (!Files.exists(corpus.resolve("mail-0001.eml"))) {
			Process process = new ProcessBuilder("python3", generator.toString(), "--out", corpus.toString(), "--count",
					"300")
				.inheritIO()
				.start();
			process.waitFor(5, TimeUnit.MINUTES);
		}
		Map<String, long[]> perKind = new LinkedHashMap<>();
		List<IncomingFile> all = new ArrayList<>();
		try (Stream<Path> mails = Files.list(corpus)) {
			for (Path mail : mails.filter(path -> path.toString().endsWith(".eml")).sorted().toList()) {
				all.addAll(MailAttachments.from(Files.readAllBytes(mail)));
			}
		}
		for (int i = 0; i < Math.min(20, all.size()); i++) {
			this.attachments.inspect(List.of(all.get(i))); // warm-up
		}
		long totalNanos = 0;
		long totalBytes = 0;
		int accepted = 0;
		for (IncomingFile file : all) {
			long started = System.nanoTime();
			AttachmentReceipt receipt = this.attachments.inspect(List.of(file)).receipts().get(0);
			long took = System.nanoTime() - started;
			accepted += receipt.accepted() ? 1 : 0;
			String kind = String.valueOf(receipt.detectedType());
			long[] sums = perKind.computeIfAbsent(kind, k -> new long[3]);
			sums[0]++;
			sums[1] += file.size();
			sums[2] += took;
			totalNanos += took;
			totalBytes += file.size();
		}
		StringBuilder report = new StringBuilder("| Detected type | Files | Files/s | MB/s |\n|---|---|---|---|\n");
		perKind.forEach((kind, sums) -> report.append(String.format("| %s | %d | %.1f | %.2f |%n", kind, sums[0],
				sums[0] / (sums[2] / 1e9), sums[1] / 1048576.0 / (sums[2] / 1e9))));
		report.append(String.format("| all (%d accepted) | %d | %.1f | %.2f |%n", accepted, all.size(),
				all.size() / (totalNanos / 1e9), totalBytes / 1048576.0 / (totalNanos / 1e9)));
		return report.toString();
	}

}
