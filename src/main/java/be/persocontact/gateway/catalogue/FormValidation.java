package be.persocontact.gateway.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks submitted values against a form and reports every problem at once, so that the employee
 * fixes the whole form in one go. Values arrive as text, as they do from an HTML form; dates are ISO
 * ({@code 2026-03-01}), as a date input sends them.
 */
final class FormValidation {

	/** Limits that apply when the catalogue gives none, so no field can carry a novel into the database. */
	static final int TEXT_MAX = 500;

	static final int LONG_TEXT_MAX = 10_000;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Set<String> TRUE = Set.of("true", "on", "yes");

	private static final Set<String> FALSE = Set.of("false", "off", "no");

	private FormValidation() {
	}

	static List<FieldProblem> validate(Form form, Map<String, String> values, int attachmentCount) {
		List<FieldProblem> problems = new ArrayList<>();
		for (String name : values.keySet()) {
			if (form.field(name).isEmpty()) {
				problems.add(FieldProblem.of(name, FieldProblem.Kind.UNKNOWN_FIELD));
			}
		}
		for (Field field : form.fields()) {
			String value = values.get(field.name());
			boolean empty = value == null || value.isBlank();
			if (field.type() == FieldType.CHECKBOX) {
				checkbox(field, empty ? null : value.strip(), problems);
			}
			else if (empty) {
				if (field.required()) {
					problems.add(FieldProblem.of(field.name(), FieldProblem.Kind.REQUIRED));
				}
			}
			else {
				value(field, value.strip(), problems);
			}
		}
		dateOrder(form, values, problems);
		if (form.attachments() == Attachments.REQUIRED && attachmentCount == 0) {
			problems.add(FieldProblem.of(FieldProblem.ATTACHMENTS, FieldProblem.Kind.ATTACHMENT_REQUIRED));
		}
		if (form.attachments() == Attachments.NONE && attachmentCount > 0) {
			problems.add(FieldProblem.of(FieldProblem.ATTACHMENTS, FieldProblem.Kind.ATTACHMENTS_NOT_ACCEPTED));
		}
		return problems;
	}

	private static void checkbox(Field field, String value, List<FieldProblem> problems) {
		if (value != null && !TRUE.contains(value.toLowerCase()) && !FALSE.contains(value.toLowerCase())) {
			problems.add(FieldProblem.of(field.name(), FieldProblem.Kind.NOT_A_CHECKBOX));
		}
		else if (field.required() && (value == null || !TRUE.contains(value.toLowerCase()))) {
			problems.add(FieldProblem.of(field.name(), FieldProblem.Kind.REQUIRED));
		}
	}

	private static void value(Field field, String value, List<FieldProblem> problems) {
		switch (field.type()) {
			case DATE -> {
				if (date(value) == null) {
					problems.add(FieldProblem.of(field.name(), FieldProblem.Kind.NOT_A_DATE));
				}
			}
			case SELECT -> {
				if (field.option(value).isEmpty()) {
					problems.add(FieldProblem.of(field.name(), FieldProblem.Kind.UNKNOWN_OPTION));
				}
			}
			case NUMBER -> number(field, value, problems);
			case EMAIL -> {
				if (!EMAIL.matcher(value).matches() || value.length() > 320) {
					problems.add(FieldProblem.of(field.name(), FieldProblem.Kind.NOT_AN_EMAIL));
				}
			}
			case TEXT, LONG_TEXT -> length(field, value, problems);
			case CHECKBOX -> throw new IllegalStateException("checkboxes are checked apart");
		}
	}

	private static void number(Field field, String value, List<FieldProblem> problems) {
		BigDecimal number;
		try {
			number = new BigDecimal(value.replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			problems.add(FieldProblem.of(field.name(), FieldProblem.Kind.NOT_A_NUMBER));
			return;
		}
		if (field.min() != null && number.compareTo(field.min()) < 0) {
			problems.add(FieldProblem.of(field.name(), FieldProblem.Kind.TOO_SMALL, field.min().toPlainString()));
		}
		if (field.max() != null && number.compareTo(field.max()) > 0) {
			problems.add(FieldProblem.of(field.name(), FieldProblem.Kind.TOO_LARGE, field.max().toPlainString()));
		}
	}

	private static void length(Field field, String value, List<FieldProblem> problems) {
		int length = value.codePointCount(0, value.length());
		int max = field.max() != null ? field.max().intValue()
				: (field.type() == FieldType.LONG_TEXT ? LONG_TEXT_MAX : TEXT_MAX);
		if (field.min() != null && length < field.min().intValue()) {
			problems.add(FieldProblem.of(field.name(), FieldProblem.Kind.TOO_SHORT, field.min().intValue()));
		}
		if (length > max) {
			problems.add(FieldProblem.of(field.name(), FieldProblem.Kind.TOO_LONG, max));
		}
	}

	/** An end date before its start date; reported on the later field, which is the one to correct. */
	private static void dateOrder(Form form, Map<String, String> values, List<FieldProblem> problems) {
		for (Field field : form.fields()) {
			if (field.notBefore() == null) {
				continue;
			}
			LocalDate later = date(values.get(field.name()));
			LocalDate earlier = date(values.get(field.notBefore()));
			if (later != null && earlier != null && later.isBefore(earlier)) {
				problems.add(FieldProblem.of(field.name(), FieldProblem.Kind.DATE_BEFORE, field.notBefore()));
			}
		}
	}

	static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
