package be.persocontact.gateway.attachment;

import java.util.List;

/**
 * What the gateway decided about one file, for the acknowledgement and the timeline.
 *
 * @param attachmentId the stored link of this file to its ticket (null until recorded)
 * @param name the sanitised file name
 * @param accepted whether the file was kept
 * @param reason why not, when refused
 * @param detectedType the type read from the bytes (null when never examined, e.g. too many files)
 * @param pages page count when the format has pages
 * @param size size in bytes
 * @param sha256 hex SHA-256 of the bytes
 * @param containedIn the name of the container it was unpacked from ({@code winmail.dat}), or null
 * @param contents names of the files inside it (a forwarded mail's own attachments), never null
 */
public record AttachmentReceipt(Long attachmentId, String name, boolean accepted, RefusalReason reason,
		String detectedType, Integer pages, long size, String sha256, String containedIn, List<String> contents) {

	public AttachmentReceipt {
		contents = contents == null ? List.of() : List.copyOf(contents);
	}

	AttachmentReceipt withAttachmentId(Long id) {
		return new AttachmentReceipt(id, this.name, this.accepted, this.reason, this.detectedType, this.pages,
				this.size, this.sha256, this.containedIn, this.contents);
	}

}
