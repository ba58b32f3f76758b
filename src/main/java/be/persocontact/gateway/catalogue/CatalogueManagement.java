package be.persocontact.gateway.catalogue;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;

/**
 * The catalogue module's API. The file is read and checked once, when the bean is created: a broken
 * catalogue stops start-up rather than an employee's submission.
 */
@Service
public class CatalogueManagement {

	private final Catalogue catalogue;

	CatalogueManagement(CatalogueSettings settings, ResourceLoader resources) {
		this.catalogue = CatalogueReader.readResource(settings.location(),
				resources.getResource(settings.location()));
	}

	public List<Theme> themes() {
		return this.catalogue.themes();
	}

	public List<Form> forms() {
		return this.catalogue.forms();
	}

	public Optional<Form> form(String code) {
		return this.catalogue.form(code);
	}

	public Optional<Theme> theme(String code) {
		return themes().stream().filter(theme -> theme.code().equals(code)).findFirst();
	}

	/**
	 * Forms matching every word of the query in any of the four languages (an employee writing French
	 * on a Dutch page still finds the form), accents and case ignored; title matches first.
	 */
	public List<Form> search(String query) {
		List<String> words = Arrays.stream(normalise(query == null ? "" : query).split("\\s+"))
			.filter(word -> !word.isEmpty())
			.toList();
		if (words.isEmpty()) {
			return List.of();
		}
		return forms().stream()
			.filter(form -> words.stream().allMatch(word -> haystack(form).contains(word)))
			.sorted(Comparator.comparing((Form form) -> !words.stream()
				.allMatch(word -> normalise(String.join(" ", form.title().all())).contains(word))))
			.toList();
	}

	/** Checks the values and files of a submission against its form; empty when it is acceptable. */
	public List<FieldProblem> validate(Form form, Map<String, String> values, int attachmentCount) {
		return FormValidation.validate(form, values, attachmentCount);
	}

	private String haystack(Form form) {
		Stream<Localized> texts = Stream.concat(Stream.of(form.title(), form.help(), form.keywords(),
				theme(form.themeCode()).map(Theme::title).orElse(null)),
				form.fields().stream().flatMap(field -> Stream.concat(Stream.of(field.label()),
						field.options().stream().map(Option::label))));
		return normalise(String.join(" ", texts.filter(Objects::nonNull).flatMap(text -> text.all().stream()).toList()));
	}

	static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
	}

}
