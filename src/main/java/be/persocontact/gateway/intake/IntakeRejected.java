package be.persocontact.gateway.intake;

/**
 * A sender's mail was refused for a reason they can act on (too large, too many requests,
 * unauthenticated). Published at most once per sender, reason and day, inside the intake transaction,
 * so that the notification module can tell them politely without ever flooding anyone.
 */
public record IntakeRejected(String address, String language, Outcome outcome, String reason) {
}
