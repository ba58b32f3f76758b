package be.persocontact.gateway.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * A request form: what the employee fills in, what to attach, and the queue of officers its tickets go to.
 *
 * @param keywords extra words, per language, under which a search finds this form
 */
public record Form(String code, String themeCode, Localized title, Localized help, Localized keywords, String queue,
		Attachments attachments, List<DocumentToAttach> documents, List<Field> fields) {

	public Form {
		documents = List.copyOf(documents);
		fields = List.copyOf(fields);
	}

	public Optional<Field> field(String name) {
		return this.fields.stream().filter(field -> field.name().equals(name)).findFirst();
	}

}
