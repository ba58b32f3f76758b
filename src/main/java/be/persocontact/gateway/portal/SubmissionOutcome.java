package be.persocontact.gateway.portal;

import java.util.List;

import be.persocontact.gateway.catalogue.FieldProblem;
import be.persocontact.gateway.catalogue.Form;

/** What became of a submission. */
public sealed interface SubmissionOutcome {

	/** A ticket exists for it; {@code replayed} when it was made by an earlier call with the same key. */
	record Accepted(String ticketNumber, String viewUrl, boolean replayed) implements SubmissionOutcome {
	}

	/** Refused with every problem found; {@code form} is null when the form itself was unknown. */
	record Refused(Form form, String language, List<FieldProblem> problems) implements SubmissionOutcome {
	}

	/** The idempotency key was already used for a different submission. */
	record KeyReused(String ticketNumber) implements SubmissionOutcome {
	}

}
