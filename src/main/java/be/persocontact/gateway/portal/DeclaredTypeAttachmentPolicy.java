package be.persocontact.gateway.portal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import be.persocontact.gateway.catalogue.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * A first line only: accepts a file by its extension, and refuses a declared type that contradicts the
 * extension (a {@code .pdf} declared as {@code text/html}). It does not look at the bytes; the
 * attachment module's detection of the real type will stand in front of it.
 */
@Component
class DeclaredTypeAttachmentPolicy implements AttachmentPolicy {

	private static final Map<String, Set<String>> TYPES = Map.of("pdf", Set.of("application/pdf"), "jpg",
			Set.of("image/jpeg"), "jpeg", Set.of("image/jpeg"), "png", Set.of("image/png"), "tif",
			Set.of("image/tiff"), "tiff", Set.of("image/tiff"), "heic", Set.of("image/heic", "image/heif"), "docx",
			Set.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), "odt",
			Set.of("application/vnd.oasis.opendocument.text"), "txt", Set.of("text/plain"));

	/** Declared by clients that do not know better; says nothing against the extension. */
	private static final Set<String> UNSPECIFIC = Set.of("", "application/octet-stream", "binary/octet-stream");

	private final PortalSettings settings;

	DeclaredTypeAttachmentPolicy(PortalSettings settings) {
		this.settings = settings;
	}

	@Override
	public Optional<FieldProblem.Kind> refusal(SubmittedFile file) {
		if (file.size() > this.settings.maxFileSize().toBytes()) {
			return Optional.of(FieldProblem.Kind.FILE_TOO_LARGE);
		}
		String extension = file.extension();
		if (!this.settings.acceptedFileTypes().contains(extension)) {
			return Optional.of(FieldProblem.Kind.FILE_TYPE_REFUSED);
		}
		String declared = file.declaredType() == null ? ""
				: file.declaredType().toLowerCase(java.util.Locale.ROOT).split(";")[0].strip();
		Set<String> expected = TYPES.get(extension);
		if (expected != null && !UNSPECIFIC.contains(declared) && !expected.contains(declared)) {
			return Optional.of(FieldProblem.Kind.FILE_TYPE_REFUSED);
		}
		return Optional.empty();
	}

}
