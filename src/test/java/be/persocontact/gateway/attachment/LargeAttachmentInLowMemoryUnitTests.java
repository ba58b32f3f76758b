package be.persocontact.gateway.attachment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory: a 25 MB PDF (40 pages of text plus a 24 MB embedded scan) goes through the pipeline in a
 * JVM limited to 256 MB of heap, launched by this test.
 */
class LargeAttachmentInLowMemoryUnitTests {

	@Test
	void aTwentyFiveMegabytePdfIsReadWithA256MegabyteHeap(@TempDir Path dir) throws Exception {
		Path pdf = dir.resolve("groot.pdf");
		Files.write(pdf, largePdf());
		assertThat(Files.size(pdf)).isBetween(25_000_000L, 27_000_000L);

		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp",
				System.getProperty("java.class.path"), LargeAttachmentProbe.class.getName(), pdf.toString())
			.redirectErrorStream(true)
			.start();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		Thread pump = new Thread(() -> {
			try {
				process.getInputStream().transferTo(output);
			}
			catch (java.io.IOException ex) {
				// the process ended
			}
		});
		pump.start();
		boolean ended = process.waitFor(120, TimeUnit.SECONDS);
		if (!ended) {
			process.destroyForcibly();
		}
		pump.join(5000);
		String log = output.toString(StandardCharsets.UTF_8);
		assertThat(ended).as(log).isTrue();
		assertThat(process.exitValue()).as(log).isZero();
		assertThat(log).contains("accepted=true").contains("detectedType=application/pdf").contains("pages=40")
			.contains("MAXHEAP 256 MB").doesNotContain("OutOfMemoryError");
	}

	private static byte[] largePdf() throws Exception {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int i = 1; i <= 40; i++) {
				PDPage page = new PDPage();
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
					content.newLineAtOffset(40, 750);
					for (int line = 0; line < 60; line++) {
						content.showText("Pagina " + i + " regel " + line + ": verklaring over de gezinssamenstelling");
						content.newLineAtOffset(0, -12);
					}
					content.endText();
				}
			}
			PDEmbeddedFile scan = new PDEmbeddedFile(document,
					new ByteArrayInputStream(TestDocuments.randomBytes(24 * 1024 * 1024 + 512 * 1024, 7)));
			PDComplexFileSpecification spec = new PDComplexFileSpecification();
			spec.setFile("scan.bin");
			spec.setEmbeddedFile(scan);
			PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
			tree.setNames(Map.of("scan.bin", spec));
			PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
			names.setEmbeddedFiles(tree);
			document.getDocumentCatalog().setNames(names);
			document.save(out);
			return out.toByteArray();
		}
	}


}
