package be.persocontact.gateway.attachment.internal;

/**
 * Reads the text and metadata of a file whose type is already known. The one seam between the
 * gateway and a parser library: decorators add the limits, tests put doubles behind it.
 */
public interface TextExtractor {

	/**
	 * @param content the file's bytes
	 * @param detectedType the type detected from those bytes
	 * @return the text (possibly cut at the character limit), metadata and embedded files
	 * @throws ExtractionRefused when the file must be refused for a known reason
	 */
	ExtractedContent extract(byte[] content, String detectedType) throws ExtractionRefused;

}
