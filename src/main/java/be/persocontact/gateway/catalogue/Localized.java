package be.persocontact.gateway.catalogue;

import java.util.List;
import java.util.Map;

/** A text in the four languages of the gateway; the catalogue refuses to load without all four. */
public record Localized(Map<String, String> texts) {

	public static final List<String> LANGUAGES = List.of("nl", "fr", "de", "en");

	public Localized {
		texts = Map.copyOf(texts);
	}

	/** The text in that language, or the Dutch one for a language we do not speak. */
	public String in(String language) {
		String text = this.texts.get(language);
		return text != null ? text : this.texts.get("nl");
	}

	/** Every language's text, for searching in all of them at once. */
	public List<String> all() {
		return LANGUAGES.stream().map(this.texts::get).toList();
	}

}
