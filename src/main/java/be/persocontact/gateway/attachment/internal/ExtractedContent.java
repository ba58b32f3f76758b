package be.persocontact.gateway.attachment.internal;

import java.time.Instant;
import java.util.List;

/**
 * What a parser read from one file.
 *
 * @param text the text, at most the configured number of characters
 * @param truncated whether the text was cut
 * @param pages page count, when the format has pages
 * @param author the author the document declares
 * @param created the creation date the document declares
 * @param embedded files found inside (a TNEF's attachments, a forwarded mail's attachments)
 */
public record ExtractedContent(String text, boolean truncated, Integer pages, String author, Instant created,
		List<EmbeddedFile> embedded) {

	public ExtractedContent {
		text = text == null ? "" : text;
		embedded = embedded == null ? List.of() : List.copyOf(embedded);
	}

	public static ExtractedContent textOnly(String text) {
		return new ExtractedContent(text, false, null, null, null, List.of());
	}

	ExtractedContent cutTo(int maxChars) {
		if (this.text.length() <= maxChars) {
			return this;
		}
		return new ExtractedContent(this.text.substring(0, maxChars), true, this.pages, this.author, this.created,
				this.embedded);
	}

	/** A file inside another; bytes is null when it was too large to keep. */
	public record EmbeddedFile(String name, String declaredType, byte[] bytes) {
	}

}
