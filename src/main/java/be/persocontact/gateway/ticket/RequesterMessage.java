package be.persocontact.gateway.ticket;

import java.util.List;

/**
 * A message from an employee as any channel hands it to the ticket module: plain values, already
 * checked and cleaned by the intake.
 */
public record RequesterMessage(String address, String displayName, String language, String subject, String body,
		Long inboundMessageId, List<String> legacyReferences) {

	public RequesterMessage {
		legacyReferences = legacyReferences == null ? List.of() : List.copyOf(legacyReferences);
	}

}
