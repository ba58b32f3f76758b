package be.persocontact.gateway.attachment.internal;

import java.util.Set;

import be.persocontact.gateway.attachment.RefusalReason;

/**
 * Never hands a parser a type that is not allowed, even if a caller forgot to check: the parsers of
 * formats nobody asked for are attack surface, not features.
 */
final class AllowedTypesOnly implements TextExtractor {

	private final TextExtractor delegate;

	private final Set<String> allowed;

	AllowedTypesOnly(TextExtractor delegate, Set<String> allowed) {
		this.delegate = delegate;
		this.allowed = Set.copyOf(allowed);
	}

	@Override
	public ExtractedContent extract(byte[] content, String detectedType) throws ExtractionRefused {
		if (detectedType == null || !this.allowed.contains(detectedType)) {
			throw new ExtractionRefused(RefusalReason.NOT_ALLOWED_TYPE, String.valueOf(detectedType), null);
		}
		return this.delegate.extract(content, detectedType);
	}

}
