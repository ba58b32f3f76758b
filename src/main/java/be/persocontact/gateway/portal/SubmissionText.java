package be.persocontact.gateway.portal;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.persocontact.gateway.catalogue.Field;
import be.persocontact.gateway.catalogue.FieldType;
import be.persocontact.gateway.catalogue.Form;
import be.persocontact.gateway.catalogue.Option;
import be.persocontact.gateway.notification.AcknowledgementDetails;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a submission as the text of its first timeline entry, in the employee's language: the form's
 * title, then every field with its label and value as the employee saw them (option labels, not codes),
 * the comment and the files. Officers and the employee read the same lines.
 */
@Component
class SubmissionText {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final MessageSource messages;

	SubmissionText(MessageSource messages) {
		this.messages = messages;
	}

	String of(Form form, Submission submission) {
		String language = submission.language();
		Locale locale = Locale.forLanguageTag(language);
		StringBuilder text = new StringBuilder(form.title().in(language)).append("\n\n");
		if (submission.employeeId() != null && !submission.employeeId().isBlank()) {
			text.append(message("portal.text.employeeId", locale)).append(": ").append(submission.employeeId().strip())
				.append('\n');
		}
		Map<String, String> values = submission.values();
		for (Field field : form.fields()) {
			text.append(field.label().in(language)).append(": ").append(value(field, values.get(field.name()), locale))
				.append('\n');
		}
		if (submission.comment() != null && !submission.comment().isBlank()) {
			text.append('\n').append(message("portal.text.comment", locale)).append(":\n")
				.append(submission.comment().strip()).append('\n');
		}
		if (!submission.files().isEmpty()) {
			text.append('\n').append(message("portal.text.files", locale)).append(":\n");
			submission.files()
				.forEach(file -> text.append("- ").append(file.name()).append(" (").append(kilobytes(file.size()))
					.append(" kB)\n"));
		}
		return text.toString().strip();
	}

	/**
	 * The fields as lines for the acknowledgement mail. A mail leaves our hands for good, so values the
	 * catalogue marks sensitive are replaced by a pointer to the signed link unless configured otherwise.
	 */
	List<AcknowledgementDetails.Line> mailLines(Form form, Submission submission, boolean includeSensitive) {
		Locale locale = Locale.forLanguageTag(submission.language());
		return form.fields()
			.stream()
			.map(field -> new AcknowledgementDetails.Line(field.label().in(submission.language()),
					field.sensitive() && !includeSensitive ? message("portal.text.hidden", locale)
							: value(field, submission.values().get(field.name()), locale)))
			.toList();
	}

	private String value(Field field, String value, Locale locale) {
		if (field.type() == FieldType.CHECKBOX) {
			boolean checked = value != null && java.util.Set.of("true", "on", "yes").contains(value.strip().toLowerCase());
			return message(checked ? "portal.text.yes" : "portal.text.no", locale);
		}
		if (value == null || value.isBlank()) {
			return "-";
		}
		String stripped = value.strip();
		return switch (field.type()) {
			case SELECT -> field.option(stripped).map(Option::label).map(label -> label.in(locale.getLanguage()))
				.orElse(stripped);
			case DATE -> DATE.format(java.time.LocalDate.parse(stripped));
			default -> stripped;
		};
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private static long kilobytes(long bytes) {
		return Math.max(1, (bytes + 1023) / 1024);
	}

}
