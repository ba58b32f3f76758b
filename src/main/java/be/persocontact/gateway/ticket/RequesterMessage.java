package be.persocontact.gateway.ticket;

import java.util.List;

/**
 * A message from an employee as any channel hands it to the ticket module: plain values, already
 * checked and cleaned by the intake. {@code body} is what the timeline shows; {@code receivedText} is
 * the message as it arrived when the intake trimmed quoted history or a signature from it (null when
 * it trimmed nothing), kept for officers, who may need what the body left out. {@code mailbox} is the id of
 * the mailbox a mail came in on (null for the portal): a ticket it opens is written to from there.
 */
public record RequesterMessage(String address, String displayName, String language, String subject, String body,
		Long inboundMessageId, List<String> legacyReferences, String receivedText, String mailbox) {

	public RequesterMessage {
		legacyReferences = legacyReferences == null ? List.of() : List.copyOf(legacyReferences);
		if (receivedText != null && (receivedText.isBlank() || receivedText.strip().equals(body == null ? "" : body.strip()))) {
			receivedText = null;
		}
	}

	/** A message that came in on no mailbox. */
	public RequesterMessage(String address, String displayName, String language, String subject, String body,
			Long inboundMessageId, List<String> legacyReferences, String receivedText) {
		this(address, displayName, language, subject, body, inboundMessageId, legacyReferences, receivedText, null);
	}

	/** A message nothing was trimmed from: a portal submission, a test. */
	public RequesterMessage(String address, String displayName, String language, String subject, String body,
			Long inboundMessageId, List<String> legacyReferences) {
		this(address, displayName, language, subject, body, inboundMessageId, legacyReferences, null);
	}

}
