package be.persocontact.gateway.attachment;

import java.util.List;
import java.util.Locale;

import be.persocontact.gateway.notification.AcknowledgementDetails;
import be.persocontact.gateway.ticket.Ticket;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The per-file receipt in the acknowledgement of a ticket opened by mail or portal: every file it
 * carried, received (with type and pages) or refused (with the reason), in the requester's language.
 * Intake and the portal bind the judged files to the transaction that opens the ticket.
 */
@Component
public class MailAttachmentReceipts implements AcknowledgementDetails {

	private static final Object KEY = MailAttachmentReceipts.class;

	private final AttachmentManagement attachments;

	MailAttachmentReceipts(AttachmentManagement attachments) {
		this.attachments = attachments;
	}

	/** Binds the receipts of the mail being turned into a ticket to the current transaction. */
	public static void bind(List<AttachmentReceipt> receipts) {
		TransactionSynchronizationManager.bindResource(KEY, List.copyOf(receipts));
	}

	public static void unbind() {
		TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<Line> detailsOf(Ticket ticket) {
		Object bound = TransactionSynchronizationManager.getResource(KEY);
		if (!(bound instanceof List<?> receipts)) {
			return List.of();
		}
		Locale locale = Locale.forLanguageTag(ticket.requester().language());
		return ((List<AttachmentReceipt>) receipts).stream()
			.map(receipt -> new Line(receipt.name(), this.attachments.describe(receipt, locale)))
			.toList();
	}

}
