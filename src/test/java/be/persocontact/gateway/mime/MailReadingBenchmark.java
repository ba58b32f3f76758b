package be.persocontact.gateway.mime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

/**
 * How long {@link MailReading} takes for a typical mail and for one at the size limit (a 25 MB scan,
 * 34 MB as mail). Not a test: run it, read it, and write the figures into {@code docs/benchmarks.md}.
 *
 * <pre>
 * ./mvnw -B -q test-compile
 * java -Xmx160m -cp "target/classes:target/test-classes:$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
 *     be.persocontact.gateway.mime.MailReadingBenchmark
 * </pre>
 */
public final class MailReadingBenchmark {

	private MailReadingBenchmark() {
	}

	public static void main(String[] args) {
		measure("typical (40 KB, text and a 30 KB file)", mail(30 * 1024), 200);
		measure("at the limit (34 MB, a 25 MB file)", mail(25 * 1024 * 1024), 12);
	}

	private static void measure(String what, byte[] mail, int runs) {
		long[] millis = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			MailStructure read = MailReading.read(mail);
			millis[i] = (System.nanoTime() - start) / 1_000;
			if (read.damaged() || read.root().children().size() != 2) {
				throw new IllegalStateException("benchmark mail read wrongly: " + read.summary());
			}
		}
		long[] warm = Arrays.copyOfRange(millis, runs / 3, runs);
		Arrays.sort(warm);
		System.out.printf("%s: median %.1f ms, max %.1f ms over %d warm runs, heap limit %d MB%n", what,
				warm[warm.length / 2] / 1000.0, warm[warm.length - 1] / 1000.0, warm.length,
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
	}

	private static byte[] mail(int fileSize) {
		byte[] file = new byte[fileSize];
		new Random(42).nextBytes(file);
		String text = "Goedemorgen,\r\n\r\nIn bijlage mijn attest.\r\n\r\nAnna\r\n".repeat(100);
		return ("From: Anna Peeters <anna@example.org>\r\nTo: helpdesk@persocontact.local\r\nSubject: Attest\r\n"
				+ "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
				+ "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n--b\r\n"
				+ "Content-Type: application/pdf; name=\"scan.pdf\"\r\nContent-Disposition: attachment; filename=\"scan.pdf\"\r\n"
				+ "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(file) + "\r\n--b--\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

}
