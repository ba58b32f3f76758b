package be.persocontact.gateway.catalogue;

import java.util.List;

/**
 * One thing wrong with a submitted form, tied to the field it concerns ({@code attachments} for the
 * files). Typed, not a sentence: each channel words it in the employee's language.
 *
 * @param arguments what the sentence needs besides the field's label: a limit, the other date field's name
 */
public record FieldProblem(String field, Kind kind, List<String> arguments) {

	public static final String ATTACHMENTS = "attachments";

	public FieldProblem {
		arguments = List.copyOf(arguments);
	}

	static FieldProblem of(String field, Kind kind, Object... arguments) {
		return new FieldProblem(field, kind, java.util.Arrays.stream(arguments).map(String::valueOf).toList());
	}

	public enum Kind {

		REQUIRED, UNKNOWN_FIELD, NOT_A_DATE, DATE_BEFORE, UNKNOWN_OPTION, NOT_A_NUMBER, TOO_SMALL, TOO_LARGE,
		TOO_SHORT, TOO_LONG, NOT_AN_EMAIL, NOT_A_CHECKBOX, ATTACHMENT_REQUIRED, ATTACHMENTS_NOT_ACCEPTED,
		FILE_TYPE_REFUSED, FILE_TOO_LARGE, TOO_MANY_FILES,
		/** The files of one submission are larger together than allowed: the argument is the limit in MB. */
		FILES_TOO_LARGE_TOGETHER,
		/** Refused for another reason than its type or size (damaged, encrypted, empty…): arguments name the file and the reason. */
		FILE_REFUSED

	}

}
