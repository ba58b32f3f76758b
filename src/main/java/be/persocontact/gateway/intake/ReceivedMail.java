package be.persocontact.gateway.intake;

import be.persocontact.gateway.attachment.AttachmentManagement;

/**
 * One recorded mail inside its ticket transaction, as the intake steps see it: the stored record (locked
 * for this transaction), the mail as read, its text, the requester's language, the inspected files, and
 * whether the sender's authorship was proven.
 */
record ReceivedMail(InboundMessage record, ParsedMail mail, MailText.Body body, String language,
		AttachmentManagement.Inspection files, SenderAuthentication.Verdict verdict) {

	Long id() {
		return this.record.id();
	}

}
