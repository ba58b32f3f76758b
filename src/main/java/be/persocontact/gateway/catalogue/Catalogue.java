package be.persocontact.gateway.catalogue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The loaded, checked catalogue: themes in the order of the file, forms by code, the known queues. */
public record Catalogue(String location, Set<String> queues, List<Theme> themes) {

	public Catalogue {
		queues = Set.copyOf(queues);
		themes = List.copyOf(themes);
	}

	public List<Form> forms() {
		return this.themes.stream().flatMap(theme -> theme.forms().stream()).toList();
	}

	public Optional<Form> form(String code) {
		return forms().stream().filter(form -> form.code().equals(code)).findFirst();
	}

}
