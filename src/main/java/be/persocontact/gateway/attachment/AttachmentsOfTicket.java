package be.persocontact.gateway.attachment;

import java.util.List;
import java.util.Locale;

import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketFiles;

import org.springframework.stereotype.Component;

/** The attachments tab of the ticket view: every file with its receipt, each accepted one downloadable. */
@Component
class AttachmentsOfTicket implements TicketFiles {

	private final AttachmentManagement attachments;

	AttachmentsOfTicket(AttachmentManagement attachments) {
		this.attachments = attachments;
	}

	@Override
	public List<File> filesOf(Ticket ticket, String recipient, Locale locale) {
		return this.attachments.receiptsOf(ticket.id())
			.stream()
			.map(receipt -> new File(receipt.name(), this.attachments.describe(receipt, locale),
					receipt.accepted() && receipt.attachmentId() != null
							? this.attachments.downloadUrl(ticket.id(), receipt.attachmentId(), recipient) : null))
			.toList();
	}

}
