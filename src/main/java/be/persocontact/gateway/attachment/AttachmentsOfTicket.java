package be.persocontact.gateway.attachment;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import be.persocontact.gateway.attachment.internal.TicketAttachments;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketFiles;

import org.springframework.stereotype.Component;

/**
 * The attachments tab of the ticket view: every file with its receipt, each accepted one downloadable; a
 * file removed after its retention period says so, without name or link.
 */
@Component
class AttachmentsOfTicket implements TicketFiles {

	private final AttachmentManagement attachments;

	private final TicketAttachments receipts;

	AttachmentsOfTicket(AttachmentManagement attachments, TicketAttachments receipts) {
		this.attachments = attachments;
		this.receipts = receipts;
	}

	@Override
	public List<File> filesOf(Ticket ticket, String recipient, Locale locale) {
		Set<Long> removed = this.receipts.removedOf(ticket.id());
		return this.attachments.receiptsOf(ticket.id())
			.stream()
			.map(receipt -> removed.contains(receipt.attachmentId())
					? new File(this.attachments.removedFileName(locale), this.attachments.describe(receipt, locale), null)
					: new File(receipt.name(), this.attachments.describe(receipt, locale),
							receipt.accepted() && receipt.attachmentId() != null
									? this.attachments.downloadUrl(ticket.id(), receipt.attachmentId(), recipient) : null))
			.toList();
	}

}
