package be.persocontact.gateway.intake;

import java.time.Instant;

/** An inbound message as an operator lists it: everything but the raw bytes. */
public interface InboundSummary {

	Long getId();

	String getMailbox();

	/** The id of the configured mailbox the mail came in on ({@code gateway.mailboxes[].id}, or {@code default}). */
	String getMailboxId();

	Long getUidValidity();

	Long getUid();

	String getMessageId();

	String getSender();

	/** FROM, SENDER or RETURN_PATH: the header the sender's address was taken from. */
	String getSenderSource();

	/** What was tolerated or lost reading a damaged mail, with the reader that read it; null when none. */
	String getReadNotes();

	String getSubject();

	Instant getReceivedAt();

	Instant getProcessedAt();

	Outcome getOutcome();

	String getReason();

	String getError();

	int getAttempts();

	int getDeliveries();

	String getTicketNumber();

	String getThreadRule();

	long getSizeBytes();

	String getSha256();

	Long getDuplicateOf();

}
