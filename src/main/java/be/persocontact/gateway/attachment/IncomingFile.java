package be.persocontact.gateway.attachment;

import java.util.Objects;

/**
 * A file as a channel received it. Name and declared type are what the sender claims: hints for
 * the receipt, never trusted for the decision.
 *
 * @param name the file name the sender gave, possibly null, possibly hostile
 * @param declaredType the MIME type the sender's client declared, possibly null
 * @param content the bytes
 */
public record IncomingFile(String name, String declaredType, byte[] content) {

	public IncomingFile {
		Objects.requireNonNull(content, "content");
	}

	public long size() {
		return this.content.length;
	}

	@Override
	public String toString() {
		return "IncomingFile[" + this.name + ", " + this.declaredType + ", " + this.content.length + " bytes]";
	}

}
