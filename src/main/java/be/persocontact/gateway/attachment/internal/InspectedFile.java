package be.persocontact.gateway.attachment.internal;

import be.persocontact.gateway.attachment.AttachmentReceipt;

/**
 * One file after inspection: the receipt, and for an accepted file what is stored.
 *
 * @param receipt the decision
 * @param declaredType what the sender's client declared
 * @param content the bytes (null when refused: refused files are never stored)
 * @param extracted text and metadata (null when refused)
 */
public record InspectedFile(AttachmentReceipt receipt, String declaredType, byte[] content,
		ExtractedContent extracted) {

	public boolean accepted() {
		return this.receipt.accepted();
	}

}
