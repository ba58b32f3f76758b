package be.persocontact.gateway.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import be.persocontact.gateway.mime.internal.RawBodyReading;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps of the reader, each shown on the kind of mail that needs it. */
class MailReadingUnitTests {

	private static final String HEADERS = """
			From: Anna Peeters <anna@example.org>
			To: helpdesk@persocontact.local
			Subject: Attest
			MIME-Version: 1.0
			""";

	@Test
	void aWellFormedMailIsReadByAngusMailAsWritten() {
		MailStructure mail = read(HEADERS + """
				Content-Type: multipart/mixed; boundary="b"

				--b
				Content-Type: text/plain; charset=utf-8

				Hierbij mijn attest.
				--b
				Content-Type: application/pdf; name="attest.pdf"
				Content-Disposition: attachment; filename="attest.pdf"
				Content-Transfer-Encoding: base64

				JVBERi0xLjQK
				--b--
				""");

		assertThat(mail.readBy()).isEqualTo(MailStructure.Reader.ANGUS_MAIL);
		assertThat(mail.damaged()).isFalse();
		assertThat(mail.notes()).isEmpty();
		assertThat(mail.summary()).isNull();
		assertThat(mail.root().children()).extracting(MailPart::mediaType).containsExactly("text/plain", "application/pdf");
		assertThat(text(mail.root().children().get(0))).isEqualTo("Hierbij mijn attest.");
		assertThat(mail.root().children().get(1).fileName()).isEqualTo("attest.pdf");
		assertThat(new String(mail.root().children().get(1).content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4\n");
		assertThat(mail.root().header("subject")).isEqualTo("Attest");
	}

	@Test
	void aParameterListAngusMailRefusesIsRepairedWithoutCallingTheMailDamaged() {
		MailStructure mail = read(HEADERS + """
				Content-Type: multipart/alternative;; boundary=----=_Part_1.2

				------=_Part_1.2
				Content-Type: text/plain

				Hallo
				------=_Part_1.2--
				""");

		assertThat(mail.readBy()).isEqualTo(MailStructure.Reader.ANGUS_MAIL);
		assertThat(mail.damaged()).isFalse();
		assertThat(mail.notes()).extracting(ReadNote::kind).containsOnly(ReadNote.Kind.REPAIRED);
		assertThat(text(mail.root().children().get(0))).isEqualTo("Hallo");
	}

	@Test
	void aDeclaredBoundaryThatNeverAppearsIsReplacedByTheOneTheBodyUses() {
		MailStructure mail = read(HEADERS + """
				Content-Type: multipart/mixed; boundary="declared"

				--used
				Content-Type: text/plain

				Hallo
				--used--
				""");

		assertThat(mail.readBy()).isEqualTo(MailStructure.Reader.ANGUS_MAIL);
		assertThat(mail.damaged()).isTrue();
		assertThat(mail.damageSummary()).contains("never appears");
		assertThat(text(mail.root().children().get(0))).isEqualTo("Hallo");
	}

	@Test
	void aDelimiterLikeLineSeenOnlyOnceIsNoBoundaryAndTheTextIsKeptWhole() {
		MailStructure mail = read(HEADERS + """
				Content-Type: multipart/mixed; boundary="declared"

				Beste,
				--Jan
				PS: het attest volgt.
				""");

		assertThat(mail.readBy()).isEqualTo(MailStructure.Reader.RAW_BODY);
		assertThat(text(mail.root().children().get(0))).contains("Beste,", "--Jan", "PS: het attest volgt.");
	}

	@Test
	void aMultipartWithoutBoundaryParameterIsNotCutAtASignatureLine() {
		MailStructure mail = read(HEADERS + """
				Content-Type: multipart/mixed

				Beste,

				mijn attest volgt morgen.
				--Jan
				""");

		assertThat(mail.root().find(part -> part.is("text/plain")))
			.hasValueSatisfying(part -> assertThat(text(part)).contains("Beste,", "mijn attest volgt morgen.", "--Jan"));
	}

	@Test
	void aMissingBoundaryParameterIsTakenFromTheBody() {
		MailStructure mail = read(HEADERS + """
				Content-Type: multipart/mixed

				--used
				Content-Type: text/plain

				Hallo
				--used--
				""");

		assertThat(mail.readBy()).isEqualTo(MailStructure.Reader.ANGUS_MAIL);
		assertThat(mail.damageSummary()).contains("is missing");
		assertThat(text(mail.root().children().get(0))).isEqualTo("Hallo");
	}

	@Test
	void whereAngusMailCannotSplitTheMailMime4jDoes() {
		// a boundary ending in blanks: Angus Mail strips them from the delimiter lines, mime4j does not
		MailStructure mail = read(HEADERS + """
				Content-Type: multipart/mixed; boundary="abc  "

				--abc \s
				Content-Type: text/plain

				Hallo
				--abc  --
				""");

		assertThat(mail.readBy()).isEqualTo(MailStructure.Reader.MIME4J);
		assertThat(mail.damaged()).isTrue();
		assertThat(mail.damageSummary()).contains("Angus Mail", "mime4j");
		assertThat(mail.root().children()).singleElement().satisfies(part -> assertThat(text(part)).isEqualTo("Hallo"));
	}

	@Test
	void aMultipartWithoutAnyPartIsReadAsItsRawTextUnderItsDeclaredType() {
		MailStructure mail = read(HEADERS + """
				Content-Type: multipart/report; report-type=delivery-status; boundary="gone"

				Your message could not be delivered.
				""");

		assertThat(mail.readBy()).isEqualTo(MailStructure.Reader.RAW_BODY);
		assertThat(mail.root().mediaType()).isEqualTo("multipart/report");
		assertThat(mail.root().parameter("report-type")).isEqualTo("delivery-status");
		assertThat(mail.root().children()).singleElement()
			.satisfies(part -> assertThat(text(part)).isEqualTo("Your message could not be delivered.\n"));
	}

	@Test
	void aBlankMultipartIsAnEmptyMultipartNotDamage() {
		MailStructure mail = read(HEADERS + "Content-Type: multipart/mixed; boundary=\"b\"\n\n\n");

		assertThat(mail.readBy()).isEqualTo(MailStructure.Reader.ANGUS_MAIL);
		assertThat(mail.root().children()).isEmpty();
		assertThat(mail.damaged()).isFalse();
	}

	@Test
	void aPartThatCannotBeDecodedCostsOnlyThatPart() {
		MailStructure mail = read(HEADERS + """
				Content-Type: multipart/mixed; boundary="b"

				--b
				Content-Type: text/plain

				Zie bijlage.
				--b
				Content-Type: application/pdf; name="loonfiche.pdf"
				Content-Transfer-Encoding: x-gzip64

				H4sIAAAA
				--b--
				""");

		assertThat(mail.readBy()).isEqualTo(MailStructure.Reader.ANGUS_MAIL);
		assertThat(text(mail.root().children().get(0))).isEqualTo("Zie bijlage.");
		MailPart file = mail.root().children().get(1);
		assertThat(file.unreadable()).contains("x-gzip64");
		assertThat(file.size()).isZero();
		assertThat(mail.damageSummary()).contains("part 2 (loonfiche.pdf)");
	}

	@Test
	void aMultipartWithoutItsClosingBoundaryIsReadButNotedAsPossiblyCutShort() {
		MailStructure mail = read(HEADERS + """
				Content-Type: multipart/mixed; boundary="b"

				--b
				Content-Type: text/plain

				Hallo
				""");

		assertThat(text(mail.root().children().get(0))).isEqualTo("Hallo\n");
		assertThat(mail.damageSummary()).contains("closing boundary is missing");
	}

	@Test
	void multipartsNestedBeyondTheLimitAreNotRead() {
		StringBuilder mail = new StringBuilder(HEADERS).append("Content-Type: multipart/mixed; boundary=\"b0\"\n\n");
		for (int depth = 1; depth <= 20; depth++) {
			mail.append("--b").append(depth - 1).append("\nContent-Type: multipart/mixed; boundary=\"b").append(depth)
				.append("\"\n\n");
		}
		mail.append("--b20\nContent-Type: text/plain\n\ndeep\n");

		MailStructure read = read(mail.toString());

		assertThat(read.damageSummary()).contains("nested deeper than");
		assertThat(read.root().find(part -> part.is("text/plain"))).isEmpty();
	}

	@Test
	void aContentTypeThatIsNoMediaTypeIsReadAsTextAndOneMissingItsSemicolonByItsFirstWord() {
		assertThat(read(HEADERS + "Content-Type: text\n\nHallo\n").root().mediaType()).isEqualTo("text/plain");
		MailStructure html = read(HEADERS + "Content-Type: text/html charset=utf-8\n\n<p>Hallo</p>\n");
		assertThat(html.root().mediaType()).isEqualTo("text/html");
		assertThat(html.notes()).extracting(ReadNote::kind).containsOnly(ReadNote.Kind.REPAIRED);
	}

	@Test
	void blankLinesBeforeTheHeadersDoNotHideThem() {
		MailStructure mail = read("\n\n" + HEADERS + "Content-Type: text/plain\n\nHallo\n");

		assertThat(mail.root().header("From")).isEqualTo("Anna Peeters <anna@example.org>");
		assertThat(mail.damaged()).isFalse();
	}

	@Test
	void noBytesAreAMailWithoutHeadersNotAFailure() {
		MailStructure mail = MailReading.read(new byte[0]);

		assertThat(mail.root().headers()).isEmpty();
		assertThat(mail.root().mediaType()).isEqualTo("text/plain");
	}

	@Test
	void theLastStepTakesTheHeadersAsTheyStandAndTheBodyAsText() {
		List<ReadNote> notes = new ArrayList<>();

		MailPart root = RawBodyReading.read(bytes("From: a@example.org\r\nContent-Type: multipart/mixed; charset=utf-8; "
				+ "boundary=x\r\n\r\nAl wat er staat.\r\n"), notes);

		assertThat(root.header("From")).isEqualTo("a@example.org");
		assertThat(root.mediaType()).isEqualTo("multipart/mixed");
		assertThat(root.children()).singleElement().satisfies(part -> {
			assertThat(part.mediaType()).isEqualTo("text/plain");
			assertThat(part.charset()).isEqualTo("utf-8");
			assertThat(text(part)).isEqualTo("Al wat er staat.\r\n");
		});
		assertThat(notes).singleElement().extracting(ReadNote::kind).isEqualTo(ReadNote.Kind.DAMAGED);
	}

	private static MailStructure read(String mail) {
		return MailReading.read(bytes(mail));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(MailPart part) {
		return new String(part.content(), StandardCharsets.UTF_8);
	}

}
