package be.persocontact.gateway.portal;

/** A file sent with a submission, as the portal declared it: nothing about it is trusted yet. */
public record SubmittedFile(String name, String declaredType, byte[] content) {

	public SubmittedFile {
		name = name == null || name.isBlank() ? "file" : name.strip();
		content = content == null ? new byte[0] : content;
	}

	public long size() {
		return this.content.length;
	}

	/** The extension in lower case, without the dot; empty when there is none. */
	public String extension() {
		int dot = this.name.lastIndexOf('.');
		return dot < 0 ? "" : this.name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
	}

}
