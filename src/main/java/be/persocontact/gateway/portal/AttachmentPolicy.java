package be.persocontact.gateway.portal;

import java.util.Optional;

import be.persocontact.gateway.catalogue.FieldProblem;

/**
 * Decides whether a submitted file may be kept. The seam for the attachment module: its Tika-based
 * check of the real type (never the name or declared type) replaces {@link DeclaredTypeAttachmentPolicy}
 * by providing a {@code @Primary} bean of this type.
 */
public interface AttachmentPolicy {

	/** The reason to refuse the file, or empty when it is acceptable. */
	Optional<FieldProblem.Kind> refusal(SubmittedFile file);

}
