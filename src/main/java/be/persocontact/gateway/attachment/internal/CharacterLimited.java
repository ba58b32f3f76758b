package be.persocontact.gateway.attachment.internal;

/**
 * Cuts text at the limit whatever the parser did: routing and search need the first pages, and a
 * megabyte of text per file would bloat every ticket row.
 */
final class CharacterLimited implements TextExtractor {

	private final TextExtractor delegate;

	private final int maxChars;

	CharacterLimited(TextExtractor delegate, int maxChars) {
		this.delegate = delegate;
		this.maxChars = maxChars;
	}

	@Override
	public ExtractedContent extract(byte[] content, String detectedType) throws ExtractionRefused {
		return this.delegate.extract(content, detectedType).cutTo(this.maxChars);
	}

}
