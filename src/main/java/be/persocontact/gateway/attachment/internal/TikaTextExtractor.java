package be.persocontact.gateway.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import be.persocontact.gateway.attachment.RefusalReason;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.EmbeddedContentHandler;
import org.apache.tika.sax.SecureContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Tika, in process. Embedded documents are never parsed recursively: a TNEF's or a forwarded
 * mail's attachments are handed back as bytes for the pipeline to judge one by one, everything else
 * embedded (images in a PDF, objects in a DOCX) is skipped. No OCR: a scanned certificate is accepted
 * with the text it has, which is none.
 */
public final class TikaTextExtractor implements TextExtractor {

	private static final String RFC822 = "message/rfc822";

	/** Metadata key carrying the type {@link TrueTypes} found, on the file's own metadata only. */
	private static final String DETECTED_TYPE = "X-PersoContact-Detected-Type";

	/** Parses the file itself as the type it was judged to be; {@link #parser} for what it contains. */
	private final AutoDetectParser topLevel;

	private final Parser parser;

	private final int maxChars;

	private final long maxEmbeddedBytes;

	public TikaTextExtractor(int maxChars, long maxEmbeddedBytes) {
		TikaConfig config = TikaConfig.getDefaultConfig();
		this.parser = new AutoDetectParser(config);
		this.topLevel = new AutoDetectParser(config);
		this.topLevel.setDetector(new AlreadyDetected(config.getDetector()));
		this.maxChars = maxChars;
		this.maxEmbeddedBytes = maxEmbeddedBytes;
	}

	@Override
	public ExtractedContent extract(byte[] content, String detectedType) throws ExtractionRefused {
		Metadata metadata = new Metadata();
		// the type was detected already, and the allowed-types check judged that one: Tika parses the file
		// as that type instead of detecting again (a second guess could pick a parser nobody allowed)
		metadata.set(Metadata.CONTENT_TYPE, detectedType);
		metadata.set(DETECTED_TYPE, detectedType);
		WriteOutContentHandler text = new WriteOutContentHandler(this.maxChars);
		List<ExtractedContent.EmbeddedFile> embedded = new ArrayList<>();
		boolean truncated = false;
		try (TikaInputStream stream = TikaInputStream.get(content)) {
			SecureContentHandler secure = new SecureContentHandler(new BodyContentHandler(text), stream);
			ParseContext context = context(embedded, RFC822.equals(detectedType));
			try {
				this.topLevel.parse(stream, secure, metadata, context);
			}
			catch (SAXException ex) {
				if (WriteLimitReachedException.isWriteLimitReached(ex)) {
					truncated = true;
				}
				else {
					try {
						secure.throwIfCauseOf(ex);
					}
					catch (TikaException bomb) {
						// output out of all proportion to input, or absurd nesting: SecureContentHandler's verdict
						throw new ExtractionRefused(RefusalReason.BOMB, bomb.getMessage(), ex);
					}
					throw new ExtractionRefused(RefusalReason.UNREADABLE, ex.toString(), ex);
				}
			}
		}
		catch (EncryptedDocumentException ex) {
			throw new ExtractionRefused(RefusalReason.ENCRYPTED, ex.getMessage(), ex);
		}
		catch (ZeroByteFileException ex) {
			throw new ExtractionRefused(RefusalReason.EMPTY, ex.getMessage(), ex);
		}
		catch (TikaException | IOException | RuntimeException ex) {
			if (hasCause(ex, EncryptedDocumentException.class)) {
				throw new ExtractionRefused(RefusalReason.ENCRYPTED, ex.getMessage(), ex);
			}
			throw new ExtractionRefused(RefusalReason.UNREADABLE, ex.toString(), ex);
		}
		if (Thread.currentThread().isInterrupted()) {
			throw new ExtractionRefused(RefusalReason.PARSE_TIMEOUT, "interrupted", null);
		}
		return new ExtractedContent(text.toString().strip(), truncated, metadata.getInt(PagedText.N_PAGES),
				author(metadata), created(metadata), embedded);
	}

	private ParseContext context(List<ExtractedContent.EmbeddedFile> embedded, boolean parseInlineParts) {
		ParseContext context = new ParseContext();
		PDFParserConfig pdf = new PDFParserConfig();
		pdf.setExtractInlineImages(false);
		pdf.setExtractUniqueInlineImagesOnly(true);
		pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
		context.set(PDFParserConfig.class, pdf);
		TesseractOCRConfig ocr = new TesseractOCRConfig();
		ocr.setSkipOcr(true);
		context.set(TesseractOCRConfig.class, ocr);
		context.set(EmbeddedDocumentExtractor.class, new Collecting(embedded, parseInlineParts, context));
		return context;
	}

	private static String author(Metadata metadata) {
		String author = metadata.get(TikaCoreProperties.CREATOR);
		if (author == null) {
			author = metadata.get("Artist"); // EXIF, on photos
		}
		return author == null || author.isBlank() ? null : clip(author.strip(), 255);
	}

	private static Instant created(Metadata metadata) {
		Date created = metadata.getDate(TikaCoreProperties.CREATED);
		return created == null ? null : created.toInstant();
	}

	private static String clip(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max);
	}

	private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The type already detected for the file itself, from its metadata; anything nested in it has no such
	 * entry and is detected from its bytes as usual.
	 */
	private static final class AlreadyDetected implements Detector {

		private final Detector fromBytes;

		AlreadyDetected(Detector fromBytes) {
			this.fromBytes = fromBytes;
		}

		@Override
		public MediaType detect(InputStream input, Metadata metadata) throws IOException {
			String known = metadata.get(DETECTED_TYPE);
			MediaType type = known == null ? null : MediaType.parse(known);
			return type != null ? type : this.fromBytes.detect(input, metadata);
		}

	}

	/**
	 * Keeps named embedded files as bytes (up to a budget) instead of parsing them; parses only the
	 * unnamed text parts of a forwarded mail, which are its body.
	 */
	private final class Collecting implements EmbeddedDocumentExtractor {

		private final List<ExtractedContent.EmbeddedFile> files;

		private final boolean parseInlineParts;

		private final ParseContext context;

		private long budget = TikaTextExtractor.this.maxEmbeddedBytes;

		Collecting(List<ExtractedContent.EmbeddedFile> files, boolean parseInlineParts, ParseContext context) {
			this.files = files;
			this.parseInlineParts = parseInlineParts;
			this.context = context;
		}

		@Override
		public boolean shouldParseEmbedded(Metadata metadata) {
			return true;
		}

		@Override
		public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
				throws SAXException, IOException {
			String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
			String type = metadata.get(Metadata.CONTENT_TYPE);
			if (name == null && this.parseInlineParts && type != null && type.startsWith("text/")) {
				try {
					TikaTextExtractor.this.parser.parse(stream, new EmbeddedContentHandler(handler), metadata,
							this.context);
				}
				catch (TikaException ex) {
					// an unreadable body part leaves the rest of the forwarded mail readable
				}
				return;
			}
			if (name == null) {
				return;
			}
			byte[] bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, this.budget) + 1));
			if (bytes.length > this.budget) {
				this.files.add(new ExtractedContent.EmbeddedFile(name, type, null));
				this.budget = -1;
				return;
			}
			this.budget -= bytes.length;
			this.files.add(new ExtractedContent.EmbeddedFile(name, type, bytes));
		}

	}

}
