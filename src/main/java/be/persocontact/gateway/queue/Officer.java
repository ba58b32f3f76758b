package be.persocontact.gateway.queue;

import java.util.List;
import java.util.Locale;

/** An officer of a queue: the address they write from, their name, the languages they read (first: preferred). */
public record Officer(String address, String name, List<String> languages) {

	public Officer {
		address = address.strip().toLowerCase(Locale.ROOT);
		languages = List.copyOf(languages);
	}

	public String language() {
		return this.languages.get(0);
	}

}
