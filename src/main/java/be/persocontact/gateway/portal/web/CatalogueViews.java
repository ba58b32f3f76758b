package be.persocontact.gateway.portal.web;

import java.math.BigDecimal;
import java.util.List;

import be.persocontact.gateway.catalogue.DocumentToAttach;
import be.persocontact.gateway.catalogue.Field;
import be.persocontact.gateway.catalogue.Form;
import be.persocontact.gateway.catalogue.Localized;
import be.persocontact.gateway.catalogue.Theme;

/** The catalogue in one language, as the API returns it and the pages show it. */
final class CatalogueViews {

	private CatalogueViews() {
	}

	record ThemeView(String code, String title, String help, List<FormSummary> forms) {
	}

	record FormSummary(String code, String theme, String title, String help) {
	}

	record FormView(String code, String theme, String title, String help, String queue, String attachments,
			List<DocumentView> documents, List<FieldView> fields) {
	}

	/** {@code when} lists the cases, by their labels, in which the document is needed; null when always. */
	record DocumentView(String text, String whenField, List<String> whenValues, String when) {
	}

	record FieldView(String name, String type, boolean required, String label, String help, List<OptionView> options,
			BigDecimal min, BigDecimal max, String notBefore, boolean sensitive) {
	}

	record OptionView(String value, String label) {
	}

	static ThemeView theme(Theme theme, String language) {
		return new ThemeView(theme.code(), theme.title().in(language), text(theme.help(), language),
				theme.forms().stream().map(form -> summary(form, language)).toList());
	}

	static FormSummary summary(Form form, String language) {
		return new FormSummary(form.code(), form.themeCode(), form.title().in(language), text(form.help(), language));
	}

	static FormView form(Form form, String language) {
		return new FormView(form.code(), form.themeCode(), form.title().in(language), text(form.help(), language),
				form.queue(), form.attachments().name().toLowerCase(),
				form.documents().stream().map(document -> document(form, document, language)).toList(),
				form.fields().stream().map(field -> field(field, language)).toList());
	}

	private static DocumentView document(Form form, DocumentToAttach document, String language) {
		String when = !document.isConditional() ? null
				: form.field(document.whenField())
					.map(field -> document.whenValues()
						.stream()
						.map(value -> field.option(value).map(option -> option.label().in(language)).orElse(value))
						.collect(java.util.stream.Collectors.joining(", ")))
					.orElse(null);
		return new DocumentView(document.text().in(language), document.whenField(), document.whenValues(), when);
	}

	private static FieldView field(Field field, String language) {
		return new FieldView(field.name(), field.type().code(), field.required(), field.label().in(language),
				text(field.help(), language),
				field.options().stream().map(option -> new OptionView(option.value(), option.label().in(language))).toList(),
				field.min(), field.max(), field.notBefore(), field.sensitive());
	}

	private static String text(Localized text, String language) {
		return text == null ? null : text.in(language);
	}

}
