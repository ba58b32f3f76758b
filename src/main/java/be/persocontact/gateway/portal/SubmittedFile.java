package be.persocontact.gateway.portal;

/**
 * A file sent with a submission, as the portal declared it: nothing about it is trusted yet.
 *
 * @param content the bytes; empty for a file over the portal's limits, which is never read into memory
 * @param size the file's size, read or not
 */
public record SubmittedFile(String name, String declaredType, byte[] content, long size) {

	public SubmittedFile {
		name = name == null || name.isBlank() ? "file" : name.strip();
		content = content == null ? new byte[0] : content;
		size = Math.max(size, content.length);
	}

	public SubmittedFile(String name, String declaredType, byte[] content) {
		this(name, declaredType, content, 0);
	}

	/** A file over the portal's limits, known by its size only: it is refused without being read. */
	public static SubmittedFile unread(String name, String declaredType, long size) {
		return new SubmittedFile(name, declaredType, new byte[0], size);
	}

	/** The extension in lower case, without the dot; empty when there is none. */
	public String extension() {
		int dot = this.name.lastIndexOf('.');
		return dot < 0 ? "" : this.name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
	}

}
