package be.persocontact.gateway.portal.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import be.persocontact.gateway.attachment.AttachmentManagement;
import be.persocontact.gateway.attachment.RefusalReason;
import be.persocontact.gateway.catalogue.Field;
import be.persocontact.gateway.catalogue.FieldProblem;
import be.persocontact.gateway.catalogue.Form;
import be.persocontact.gateway.portal.SubmissionOutcome;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Words submission problems for people: the field's label as the form shows it and one sentence per
 * problem, in the employee's language. The API and the pages use the same sentences.
 */
@Component
class ProblemWording {

	static final URI INVALID_SUBMISSION = URI.create("/problems/invalid-submission");

	static final URI KEY_REUSED = URI.create("/problems/idempotency-key-reused");

	static final URI UNREADABLE = URI.create("/problems/unreadable-submission");

	static final URI UNAUTHENTICATED = URI.create("/problems/unauthenticated");

	static final URI FORBIDDEN = URI.create("/problems/forbidden");

	static final URI NOT_THIS_EMPLOYEE = URI.create("/problems/not-this-employee");

	private final MessageSource messages;

	private final AttachmentManagement attachments;

	ProblemWording(MessageSource messages, AttachmentManagement attachments) {
		this.messages = messages;
		this.attachments = attachments;
	}

	/** One worded problem: {@code field} as submitted, {@code code} for programs, {@code message} for people. */
	record Worded(String field, String code, String message) {
	}

	List<Worded> word(SubmissionOutcome.Refused refused) {
		Locale locale = Locale.forLanguageTag(refused.language());
		return refused.problems().stream().map(problem -> word(problem, refused.form(), locale)).toList();
	}

	ProblemDetail invalid(SubmissionOutcome.Refused refused, String path) {
		Locale locale = Locale.forLanguageTag(refused.language());
		List<Worded> errors = word(refused);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				text("portal.problem.detail", locale, errors.size()));
		problem.setType(INVALID_SUBMISSION);
		problem.setTitle(text("portal.problem.title", locale));
		problem.setInstance(URI.create(path));
		problem.setProperty("errors", errors);
		return problem;
	}

	ProblemDetail keyReused(String path, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("portal.problem.keyReused", locale));
		problem.setType(KEY_REUSED);
		problem.setTitle(text("portal.problem.keyReused.title", locale));
		problem.setInstance(URI.create(path));
		return problem;
	}

	ProblemDetail unreadable(String path, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("portal.problem.unreadable", locale));
		problem.setType(UNREADABLE);
		problem.setTitle(text("portal.problem.unreadable.title", locale));
		problem.setInstance(URI.create(path));
		return problem;
	}

	/** A caller that acts for one employee asked for, or submitted in the name of, another one. */
	ProblemDetail notThisEmployee(String path, Locale locale, String employeeClaim, String onBehalfOfScope) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				text("portal.api.notThisEmployee", locale, employeeClaim, onBehalfOfScope));
		problem.setType(NOT_THIS_EMPLOYEE);
		problem.setTitle(text("portal.api.forbidden.title", locale));
		problem.setInstance(URI.create(path));
		return problem;
	}

	private Worded word(FieldProblem problem, Form form, Locale locale) {
		String label = label(problem.field(), form, locale);
		List<String> arguments = problem.arguments();
		Object first = arguments.isEmpty() ? "" : arguments.get(0);
		if (problem.kind() == FieldProblem.Kind.DATE_BEFORE) {
			first = label(arguments.get(0), form, locale);
		}
		Object second = arguments.size() > 1 ? arguments.get(1) : "";
		if (isFileRefusal(problem)) {
			// the attachment module's own sentence, the one a mailed file would get in its receipt
			return new Worded(problem.field(), problem.kind().name(), text("portal.problem.FILE_REFUSED", locale,
					label, first, this.attachments.explain(RefusalReason.valueOf(arguments.get(1)), locale)));
		}
		return new Worded(problem.field(), problem.kind().name(),
				text("portal.problem." + problem.kind().name(), locale, label, first, second));
	}

	/** A file the attachment module refused: its arguments are the file's name and the reason. */
	private static boolean isFileRefusal(FieldProblem problem) {
		return (problem.kind() == FieldProblem.Kind.FILE_TYPE_REFUSED || problem.kind() == FieldProblem.Kind.FILE_REFUSED)
				&& problem.arguments().size() == 2;
	}

	private String label(String field, Form form, Locale locale) {
		if (form != null) {
			java.util.Optional<Field> known = form.field(field);
			if (known.isPresent()) {
				return known.get().label().in(locale.getLanguage());
			}
		}
		return this.messages.getMessage("portal.field." + field, null, field, locale);
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
