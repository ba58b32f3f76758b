package be.persocontact.gateway.intake;

import java.util.Locale;
import java.util.function.Supplier;

import be.persocontact.gateway.attachment.AttachmentManagement;
import be.persocontact.gateway.attachment.AttachmentReceipt;
import be.persocontact.gateway.attachment.MailAttachmentReceipts;
import be.persocontact.gateway.ticket.RecordedMessage;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketNumber;

import org.springframework.stereotype.Component;

/** What a mail brings to its ticket besides its text: its files with a receipt each, and a damage note. */
@Component
class TicketFiles {

	private final AttachmentManagement attachments;

	private final TicketManagement tickets;

	TicketFiles(AttachmentManagement attachments, TicketManagement tickets) {
		this.attachments = attachments;
		this.tickets = tickets;
	}

	/** The acknowledgement written while the ticket opens lists every file with its receipt. */
	static RecordedMessage withReceipts(AttachmentManagement.Inspection files, Supplier<RecordedMessage> recording) {
		MailAttachmentReceipts.bind(files.receipts());
		try {
			return recording.get();
		}
		finally {
			MailAttachmentReceipts.unbind();
		}
	}

	/** Stores the accepted files with the ticket and notes every file's receipt on its timeline. */
	void record(TicketNumber number, AttachmentManagement.Inspection files, String language, Long inboundMessageId) {
		if (files.receipts().isEmpty()) {
			return;
		}
		long ticketId = this.tickets.find(number).orElseThrow().id();
		Locale locale = Locale.forLanguageTag(language);
		StringBuilder note = new StringBuilder();
		for (AttachmentReceipt receipt : this.attachments.record(files, ticketId, inboundMessageId)) {
			note.append(receipt.name()).append(": ").append(this.attachments.describe(receipt, locale)).append('\n');
		}
		this.tickets.recordSystemNote(ticketId, note.toString().strip());
	}

	/** The files and, for a mail read only in part, a note that what is shown may not be all the sender wrote. */
	void recordWithDamage(TicketNumber number, ReceivedMail received) {
		record(number, received.files(), received.language(), received.id());
		if (received.mail().structure().damaged()) {
			this.tickets.noteDamagedMail(number, received.mail().structure().damageSummary(), received.id());
		}
	}

}
