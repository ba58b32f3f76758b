package be.persocontact.gateway.catalogue;

/**
 * The catalogue file cannot be used. The message names the file and the place in it (theme, form,
 * field), because whoever reads it is an administrator who just edited that file.
 */
public class CatalogueInvalid extends IllegalStateException {

	CatalogueInvalid(String location, String where, String problem) {
		super("Catalogue " + location + (where.isEmpty() ? "" : ", " + where) + ": " + problem);
	}

	CatalogueInvalid(String location, String problem, Throwable cause) {
		super("Catalogue " + location + ": " + problem, cause);
	}

}
