package be.persocontact.gateway.catalogue;

import java.util.List;

/** A group of forms, as the portal shows them on its first page. */
public record Theme(String code, Localized title, Localized help, List<Form> forms) {

	public Theme {
		forms = List.copyOf(forms);
	}

}
