package be.persocontact.gateway.catalogue;

/** One choice of a select field: the value submitted and the label shown. */
public record Option(String value, Localized label) {
}
