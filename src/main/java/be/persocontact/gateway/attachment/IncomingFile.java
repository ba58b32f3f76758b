package be.persocontact.gateway.attachment;

import java.util.Objects;

/**
 * A file as a channel received it. Name and declared type are what the sender claims: hints for
 * the receipt, never trusted for the decision.
 *
 * @param name the file name the sender gave, possibly null, possibly hostile
 * @param declaredType the MIME type the sender's client declared, possibly null
 * @param content the bytes
 * @param unreadable why the channel could not get the file's bytes (a mail part that cannot be decoded),
 * or null; such a file is refused as unreadable, never silently dropped
 */
public record IncomingFile(String name, String declaredType, byte[] content, String unreadable) {

	public IncomingFile {
		Objects.requireNonNull(content, "content");
	}

	public IncomingFile(String name, String declaredType, byte[] content) {
		this(name, declaredType, content, null);
	}

	/** A file the channel saw but could not read: it gets a receipt saying so. */
	public static IncomingFile unreadable(String name, String declaredType, String why) {
		return new IncomingFile(name, declaredType, new byte[0], Objects.requireNonNull(why, "why"));
	}

	public long size() {
		return this.content.length;
	}

	@Override
	public String toString() {
		return "IncomingFile[" + this.name + ", " + this.declaredType + ", " + this.content.length + " bytes"
				+ (this.unreadable == null ? "" : ", unreadable: " + this.unreadable) + "]";
	}

}
