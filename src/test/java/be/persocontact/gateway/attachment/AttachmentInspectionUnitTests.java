package be.persocontact.gateway.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import be.persocontact.gateway.attachment.internal.AttachmentInspector;
import be.persocontact.gateway.attachment.internal.ExtractedContent;
import be.persocontact.gateway.attachment.internal.InspectedFile;
import be.persocontact.gateway.attachment.internal.TextExtractor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus through the real pipeline (Tika behind the limits), no Spring: each document with the
 * decision a requester would read on the receipt and, when accepted, the text an officer could
 * search for.
 */
class AttachmentInspectionUnitTests {

	static AttachmentSettings settings = AttachmentSettings.defaults();

	static AttachmentInspector inspector;

	@BeforeAll
	static void startPipeline() {
		inspector = AttachmentInspector.standard(settings, AttachmentInspector.tika(settings));
	}

	@AfterAll
	static void stopPipeline() {
		inspector.close();
	}

	@Test
	void aPdfWithTextIsAcceptedWithItsTextPagesAuthorAndDate() {
		InspectedFile file = one(new IncomingFile("medisch attest.pdf", "application/pdf",
				TestDocuments.pdf("Medisch attest voor Anna Peeters", "Arbeidsongeschikt van 12/11 tot 20/11")));
		assertAccepted(file, "application/pdf");
		assertThat(file.receipt().pages()).isEqualTo(1);
		assertThat(file.extracted().text()).contains("Medisch attest voor Anna Peeters").contains("Arbeidsongeschikt");
		assertThat(file.extracted().author()).isEqualTo("Dr. Jan Janssens");
		assertThat(file.extracted().created()).isEqualTo(TestDocuments.CREATED.toInstant());
		assertThat(file.receipt().sha256()).hasSize(64);
	}

	@Test
	void aFileIsReadAsTheTypeTheAllowedTypesCheckJudgedNotAsASecondGuess() throws Exception {
		// the allowed-types check and the receipt name one type; the parser must be that type's
		TextExtractor tika = AttachmentInspector.tika(settings);
		byte[] pdf = TestDocuments.pdf("Medisch attest voor Anna Peeters", "Arbeidsongeschikt van 12/11 tot 20/11");
		assertThat(tika.extract(pdf, "application/pdf").text()).contains("Medisch attest voor Anna Peeters");
		ExtractedContent asText = tika.extract(pdf, "text/plain");
		assertThat(asText.text()).startsWith("%PDF-").doesNotContain("Medisch attest voor Anna Peeters");
		assertThat(asText.pages()).isNull();
	}

	@Test
	void aScannedPdfIsAcceptedWithoutTextBecauseThereIsNoOcr() {
		InspectedFile file = one(new IncomingFile("scan.pdf", "application/pdf", TestDocuments.scannedPdf()));
		assertAccepted(file, "application/pdf");
		assertThat(file.receipt().pages()).isEqualTo(1);
		assertThat(file.extracted().text()).isBlank();
	}

	@Test
	void aDocxIsAcceptedWithItsTextAndAuthor() {
		InspectedFile file = one(new IncomingFile("aanvraag.docx", null,
				TestDocuments.docx("Aanvraag ouderschapsverlof vanaf 1 januari")));
		assertAccepted(file, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(file.extracted().text()).contains("Aanvraag ouderschapsverlof vanaf 1 januari");
		assertThat(file.extracted().author()).isEqualTo("Anna Peeters");
	}

	@Test
	void anOdtIsAcceptedWithItsText() {
		InspectedFile file = one(new IncomingFile("demande.odt", "application/octet-stream",
				TestDocuments.odt("Demande de pause carrière à mi-temps")));
		assertAccepted(file, "application/vnd.oasis.opendocument.text");
		assertThat(file.extracted().text()).contains("Demande de pause carrière à mi-temps");
	}

	@Test
	void aPhoneJpegIsAcceptedWithTheMomentFromItsExif() {
		InspectedFile file = one(new IncomingFile("IMG_0001.JPG", "image/jpeg", TestDocuments.jpegWithExif()));
		assertAccepted(file, "image/jpeg");
		assertThat(file.extracted().created()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
	}

	@Test
	void aPngIsAccepted() {
		assertAccepted(one(new IncomingFile("screenshot.png", "image/png", TestDocuments.png())), "image/png");
	}

	@Test
	void anExecutableNamedPdfIsRefusedAsATypeMismatch() {
		InspectedFile file = one(new IncomingFile("attest.pdf", "application/pdf", TestDocuments.exe()));
		assertRefused(file, RefusalReason.TYPE_MISMATCH);
		assertThat(file.receipt().detectedType()).startsWith("application/x-ms");
	}

	@Test
	void anExecutableUnderItsOwnNameIsRefusedAsNotAllowed() {
		assertRefused(one(new IncomingFile("setup.exe", null, TestDocuments.exe())), RefusalReason.NOT_ALLOWED_TYPE);
	}

	@Test
	void htmlNamedPdfIsRefusedAsATypeMismatch() {
		InspectedFile file = one(new IncomingFile("attest.pdf", "application/pdf", TestDocuments.html()));
		assertRefused(file, RefusalReason.TYPE_MISMATCH);
		assertThat(file.receipt().detectedType()).isEqualTo("text/html");
	}

	@Test
	void aNestedZipBombIsRefusedAsNotAllowedWithoutBeingExpanded() {
		long started = System.nanoTime();
		assertRefused(one(new IncomingFile("42.zip", "application/zip", TestDocuments.zipBomb(5))),
				RefusalReason.NOT_ALLOWED_TYPE);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void whenArchivesAreAllowedANestedZipBombIsRefusedAsABomb() {
		AttachmentSettings withZip = new AttachmentSettings(
				concat(AttachmentSettings.DEFAULT_ALLOWED_TYPES, "application/zip"), settings.maxFileSize(),
				settings.maxMessageSize(), 30, 100_000, 3, 100, DataSize.ofMegabytes(200), Duration.ofSeconds(10), 1);
		try (AttachmentInspector archives = AttachmentInspector.standard(withZip, AttachmentInspector.tika(withZip))) {
			byte[] bomb = TestDocuments.zipBomb(5);
			assertRefused(archives.inspect(List.of(new IncomingFile("42.zip", null, bomb))).get(0), RefusalReason.BOMB);
		}
	}

	@Test
	void aDocxThatExpandsToHundredsOfMegabytesIsRefusedAsABomb() {
		assertRefused(one(new IncomingFile("groot.docx", null, TestDocuments.docxBomb())), RefusalReason.BOMB);
	}

	@Test
	void anXxeDocxIsRefusedAsUnreadableWithoutReadingALocalFileOrCallingOut(@TempDir Path dir) throws Exception {
		Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET-FILE-CONTENT");
		try (Listener listener = new Listener()) {
			InspectedFile viaFile = one(new IncomingFile("a.docx", null, TestDocuments.xxeDocx(secret.toUri().toString())));
			InspectedFile viaHttp = one(new IncomingFile("b.docx", null, TestDocuments.xxeDocx(listener.url())));
			// POI refuses any DTD in an OOXML part: the document is refused, nothing is resolved
			assertRefused(viaFile, RefusalReason.UNREADABLE);
			assertRefused(viaHttp, RefusalReason.UNREADABLE);
			assertThat(listener.connections()).isZero();
		}
	}

	@Test
	void anXxePdfIsAcceptedWithItsTextButNeitherReadsALocalFileNorCallsOut(@TempDir Path dir) throws Exception {
		Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET-FILE-CONTENT");
		try (Listener listener = new Listener()) {
			InspectedFile viaFile = one(new IncomingFile("a.pdf", null, TestDocuments.xxePdf(secret.toUri().toString())));
			InspectedFile viaHttp = one(new IncomingFile("b.pdf", null, TestDocuments.xxePdf(listener.url())));
			for (InspectedFile file : List.of(viaFile, viaHttp)) {
				assertAccepted(file, "application/pdf");
				assertThat(file.extracted().text()).contains("Formulier met XFA").doesNotContain("TOPSECRET");
				assertThat(String.valueOf(file.extracted().author())).doesNotContain("TOPSECRET");
			}
			assertThat(listener.connections()).isZero();
		}
	}

	@Test
	void aTruncatedPdfIsRefusedAsUnreadable() {
		assertRefused(one(new IncomingFile("afgebroken.pdf", null, TestDocuments.truncatedPdf())),
				RefusalReason.UNREADABLE);
	}

	@Test
	void aFileTheMailCouldNotDecodeIsRefusedAsUnreadableNotLost() {
		InspectedFile file = one(IncomingFile.unreadable("loonfiche.pdf", "application/pdf",
				"x-gzip64 content could not be unpacked"));

		assertRefused(file, RefusalReason.UNREADABLE);
		assertThat(file.receipt().name()).isEqualTo("loonfiche.pdf");
	}

	@Test
	void aPasswordProtectedPdfIsRefusedAsEncrypted() {
		InspectedFile file = one(new IncomingFile("beveiligd.pdf", null, TestDocuments.encryptedPdf()));
		assertRefused(file, RefusalReason.ENCRYPTED);
		assertThat(file.receipt().detectedType()).isEqualTo("application/pdf");
	}

	@Test
	void aTwentyFiveMegabyteFileIsRefusedAsTooLargeWithoutBeingRead() {
		byte[] big = TestDocuments.randomBytes(25 * 1024 * 1024, 25);
		System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
		InspectedFile file = one(new IncomingFile("groot.pdf", "application/pdf", big));
		assertRefused(file, RefusalReason.TOO_LARGE);
		assertThat(file.receipt().detectedType()).isNull();
	}

	@Test
	void filesBeyondTheMessageTotalAndCountAreRefusedOneByOne() {
		List<IncomingFile> files = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			files.add(new IncomingFile("note" + i + ".txt", "text/plain", ("Notitie " + i).getBytes()));
		}
		List<InspectedFile> inspected = inspector.inspect(files);
		assertThat(inspected).hasSize(32);
		assertThat(inspected.subList(0, 30)).allMatch(InspectedFile::accepted);
		assertThat(inspected.subList(30, 32)).allSatisfy(file -> assertRefused(file, RefusalReason.TOO_MANY));

		byte[] fifteen = new byte[16 * 1024 * 1024];
		List<InspectedFile> large = inspector.inspect(List.of(new IncomingFile("a.txt", null, fifteen(fifteen, 'a')),
				new IncomingFile("b.txt", null, fifteen(fifteen.clone(), 'b')),
				new IncomingFile("c.txt", null, "klein".getBytes())));
		assertThat(large).extracting(f -> f.receipt().accepted()).containsExactly(true, false, true);
		assertThat(large.get(1).receipt().reason()).isEqualTo(RefusalReason.TOO_LARGE);
		assertThat(large.get(0).extracted().text()).hasSize(settings.maxTextChars());
		assertThat(large.get(0).extracted().truncated()).isTrue();
	}

	@Test
	void aWinmailDatIsReplacedByTheFilesItCarriesEachCheckedOnItsOwn() {
		byte[] tnef = TestDocuments.tnef("geboorteakte.pdf", TestDocuments.pdf("Uittreksel uit de geboorteakte"),
				"macro.exe", TestDocuments.exe());
		List<InspectedFile> files = inspector.inspect(List.of(new IncomingFile("winmail.dat", "application/ms-tnef", tnef)));
		assertThat(files).hasSize(2);
		assertAccepted(files.get(0), "application/pdf");
		assertThat(files.get(0).receipt().name()).isEqualTo("geboorteakte.pdf");
		assertThat(files.get(0).receipt().containedIn()).isEqualTo("winmail.dat");
		assertThat(files.get(0).extracted().text()).contains("Uittreksel uit de geboorteakte");
		assertRefused(files.get(1), RefusalReason.NOT_ALLOWED_TYPE);
		assertThat(files.get(1).receipt().containedIn()).isEqualTo("winmail.dat");
	}

	@Test
	void aForwardedMailIsKeptAsOneEmlListingItsOwnAttachments() {
		byte[] eml = ("""
				From: HR Gent <hr@example.org>
				To: anna@example.org
				Subject: Uw attest
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="b1"

				--b1
				Content-Type: text/plain; charset=utf-8

				Hierbij het gevraagde attest over de gezinssamenstelling.
				--b1
				Content-Type: application/pdf; name="gezin.pdf"
				Content-Disposition: attachment; filename="gezin.pdf"
				Content-Transfer-Encoding: base64

				""" + java.util.Base64.getMimeEncoder().encodeToString(TestDocuments.pdf("Gezinssamenstelling")) + """

				--b1--
				""").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
		InspectedFile file = one(new IncomingFile("Uw attest.eml", "message/rfc822", eml));
		assertAccepted(file, "message/rfc822");
		assertThat(file.receipt().contents()).containsExactly("gezin.pdf");
		assertThat(file.extracted().text()).contains("gezinssamenstelling");
	}

	@Test
	void aParserThatNeverReturnsIsCutAtTheTimeLimitAndTheNextFileIsStillRead() {
		AtomicInteger calls = new AtomicInteger();
		TextExtractor hanging = (content, type) -> {
			if (calls.incrementAndGet() == 1) {
				while (!released) {
					Thread.interrupted(); // ignores interrupts on purpose, like a parser stuck in a loop
					java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
				}
			}
			return ExtractedContent.textOnly("gelezen");
		};
		AttachmentSettings quick = new AttachmentSettings(null, settings.maxFileSize(), settings.maxMessageSize(), 30,
				100_000, 3, 100, DataSize.ofMegabytes(200), Duration.ofMillis(300), 1);
		try (AttachmentInspector withHang = AttachmentInspector.standard(quick, hanging)) {
			long started = System.nanoTime();
			List<InspectedFile> files = withHang.inspect(List.of(new IncomingFile("hangt.pdf", null,
					TestDocuments.pdf("x")), new IncomingFile("daarna.pdf", null, TestDocuments.pdf("y"))));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
			assertRefused(files.get(0), RefusalReason.PARSE_TIMEOUT);
			assertAccepted(files.get(1), "application/pdf");
		}
		finally {
			released = true;
		}
	}

	static volatile boolean released;

	private static byte[] fifteen(byte[] bytes, char fill) {
		java.util.Arrays.fill(bytes, (byte) fill);
		return bytes;
	}

	private static List<String> concat(List<String> list, String more) {
		List<String> all = new ArrayList<>(list);
		all.add(more);
		return all;
	}

	static InspectedFile one(IncomingFile file) {
		List<InspectedFile> files = inspector.inspect(List.of(file));
		assertThat(files).hasSize(1);
		return files.get(0);
	}

	static void assertAccepted(InspectedFile file, String type) {
		assertThat(file.receipt().accepted()).as("accepted: %s", file.receipt()).isTrue();
		assertThat(file.receipt().detectedType()).isEqualTo(type);
		assertThat(file.content()).isNotNull();
	}

	static void assertRefused(InspectedFile file, RefusalReason reason) {
		assertThat(file.receipt().accepted()).as("refused: %s", file.receipt()).isFalse();
		assertThat(file.receipt().reason()).isEqualTo(reason);
		assertThat(file.content()).isNull();
	}

	/** A local HTTP port that counts who knocks: an XXE that resolves would connect here. */
	static final class Listener implements AutoCloseable {

		private final ServerSocket socket;

		private final AtomicInteger connections = new AtomicInteger();

		Listener() throws IOException {
			this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
			Thread accepting = new Thread(() -> {
				while (!this.socket.isClosed()) {
					try (Socket client = this.socket.accept(); InputStream in = client.getInputStream()) {
						this.connections.incrementAndGet();
						client.getOutputStream().write("HTTP/1.0 200 OK\r\n\r\nTOPSECRET-HTTP".getBytes());
					}
					catch (IOException ex) {
						// closed
					}
				}
			}, "xxe-listener");
			accepting.setDaemon(true);
			accepting.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.socket.getLocalPort() + "/secret.dtd";
		}

		int connections() {
			return this.connections.get();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
