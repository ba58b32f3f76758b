package be.persocontact.gateway.notification;

/** The two parts of one mail, rendered from the same template name. */
public record RenderedMail(String text, String html) {
}
