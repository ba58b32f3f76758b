package be.persocontact.gateway.portal;

/** The employee a portal link was sent to: the only identity the pages know. */
public record Visitor(String address, String language) {
}
