package be.persocontact.gateway.attachment.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The type of a file from its bytes alone. Name and declared type are consulted only afterwards, to
 * tell a disguise (an executable named {@code attest.pdf}) from a plain unwanted type.
 */
public final class TrueTypes {

	static final String TNEF = "application/vnd.ms-tnef";

	static final String RFC822 = "message/rfc822";

	private static final MediaType ZIP = MediaType.application("zip");

	private final Detector detector;

	private final MimeTypes byName;

	private final MediaTypeRegistry registry;

	public TrueTypes() {
		TikaConfig config = TikaConfig.getDefaultConfig();
		this.detector = config.getDetector();
		this.byName = config.getMimeRepository();
		this.registry = config.getMediaTypeRegistry();
	}

	/** What the bytes are, and what the sender claimed they were. */
	public Detected detect(byte[] content, String name, String declaredType) {
		MediaType detected;
		try (TikaInputStream stream = TikaInputStream.get(content)) {
			detected = this.registry.normalize(this.detector.detect(stream, new Metadata())).getBaseType();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		MediaType claimed = claimed(name, declaredType);
		// headers of a forwarded mail can start with any field; text plus a claim of mail is a mail
		if (detected.equals(MediaType.TEXT_PLAIN) && claimed != null && RFC822.equals(claimed.toString())) {
			detected = claimed;
		}
		return new Detected(detected.toString(), claimed == null ? null : claimed.toString(),
				claimed != null && !this.registry.isInstanceOf(detected, claimed));
	}

	/** Is this type a zip underneath (DOCX, ODT, XLSX, plain zip)? Those get the expansion check. */
	public boolean isZipBased(String type) {
		MediaType parsed = MediaType.parse(type);
		return parsed != null && this.registry.isInstanceOf(parsed, ZIP);
	}

	private MediaType claimed(String name, String declaredType) {
		if (name != null && !name.isBlank()) {
			Metadata metadata = new Metadata();
			metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
			try {
				MediaType fromName = this.byName.detect(null, metadata);
				if (fromName != null && !fromName.equals(MediaType.OCTET_STREAM)) {
					return this.registry.normalize(fromName).getBaseType();
				}
			}
			catch (IOException ex) {
				// a name alone cannot fail to read; fall through to the declared type
			}
		}
		MediaType declared = declaredType == null ? null : MediaType.parse(declaredType.toLowerCase(Locale.ROOT));
		return declared == null || declared.equals(MediaType.OCTET_STREAM) ? null
				: this.registry.normalize(declared).getBaseType();
	}

	/**
	 * @param type the detected type (base type, normalised)
	 * @param claimed what the name or declared type says, or null when they say nothing
	 * @param mismatch whether the claim and the bytes disagree
	 */
	public record Detected(String type, String claimed, boolean mismatch) {
	}

}
