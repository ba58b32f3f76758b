package be.persocontact.gateway.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One part of a read mail, whichever reader read it. Header values are unfolded; the media type,
 * parameters, disposition and file name are read leniently from them; the content is transfer-decoded.
 * A part whose content could not be decoded has empty content and says why in {@link #unreadable()}.
 */
public final class MailPart {

	/** One header line, unfolded. */
	public record Header(String name, String value) {
	}

	private final List<Header> headers;

	private final String mediaType;

	private final Map<String, String> parameters;

	private final String disposition;

	private final String fileName;

	private final List<MailPart> children;

	private final byte[] content;

	private final String unreadable;

	/**
	 * @param headers the part's headers, in order
	 * @param mediaType the declared media type, lower case, without parameters
	 * @param parameters the Content-Type parameters, names in lower case, values decoded (RFC 2231)
	 * @param disposition the Content-Disposition value in lower case, or null
	 * @param fileName the decoded file name, or null
	 * @param children the parts of a multipart (empty for any other part)
	 * @param content the decoded content (empty for a multipart)
	 * @param unreadable why the content could not be decoded, or null
	 */
	public MailPart(List<Header> headers, String mediaType, Map<String, String> parameters, String disposition,
			String fileName, List<MailPart> children, byte[] content, String unreadable) {
		this.headers = List.copyOf(headers);
		this.mediaType = mediaType;
		this.parameters = Map.copyOf(parameters);
		this.disposition = disposition;
		this.fileName = fileName;
		this.children = List.copyOf(children);
		this.content = content == null ? new byte[0] : content;
		this.unreadable = unreadable;
	}

	public List<Header> headers() {
		return this.headers;
	}

	/** Every value of a header (name case-insensitive), unfolded and trimmed, topmost first. */
	public List<String> headers(String name) {
		List<String> values = new ArrayList<>();
		for (Header header : this.headers) {
			if (header.name().equalsIgnoreCase(name)) {
				values.add(header.value().strip());
			}
		}
		return values;
	}

	/** The first value of a header, or null. */
	public String header(String name) {
		List<String> values = headers(name);
		return values.isEmpty() ? null : values.get(0);
	}

	public String mediaType() {
		return this.mediaType;
	}

	/** Is this part of the media type? {@code type/*} matches every subtype. */
	public boolean is(String type) {
		String wanted = type.toLowerCase(Locale.ROOT);
		if (wanted.endsWith("/*")) {
			return this.mediaType.startsWith(wanted.substring(0, wanted.length() - 1));
		}
		return this.mediaType.equals(wanted);
	}

	public boolean isMultipart() {
		return this.mediaType.startsWith("multipart/");
	}

	/** A Content-Type parameter (name case-insensitive), or null. */
	public String parameter(String name) {
		return this.parameters.get(name.toLowerCase(Locale.ROOT));
	}

	public Map<String, String> parameters() {
		return this.parameters;
	}

	public String charset() {
		return parameter("charset");
	}

	public String disposition() {
		return this.disposition;
	}

	public boolean isAttachment() {
		return "attachment".equals(this.disposition);
	}

	public String fileName() {
		return this.fileName;
	}

	public List<MailPart> children() {
		return this.children;
	}

	/**
	 * The decoded content, not a copy: it is shared by every reader of the mail and none may change it. A
	 * copy per reader once doubled a 25 MB scan in memory while it was inspected and stored.
	 */
	public byte[] content() {
		return this.content;
	}

	public int size() {
		return this.content.length;
	}

	public String unreadable() {
		return this.unreadable;
	}

	/** The first part, this one or below it, depth first, that matches; descends multiparts only. */
	public Optional<MailPart> find(Predicate<MailPart> wanted) {
		if (wanted.test(this)) {
			return Optional.of(this);
		}
		for (MailPart child : this.children) {
			Optional<MailPart> found = child.find(wanted);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return "MailPart[" + this.mediaType + (this.fileName == null ? "" : ", " + this.fileName) + ", "
				+ (isMultipart() ? this.children.size() + " parts" : this.content.length + " bytes") + "]";
	}

}
