package be.persocontact.gateway.mime.internal;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

import be.persocontact.gateway.mime.MailPart;
import be.persocontact.gateway.mime.ReadNote;

/**
 * Builds {@link MailPart}s the same way whichever reader found them: type, parameters, disposition and
 * file name read leniently from the headers, content transfer-decoded by {@link TransferDecoding}.
 */
public final class Parts {

	/** Deeper multiparts are an attack on the reader, not a requester's document. */
	public static final int MAX_DEPTH = 16;

	private Parts() {
	}

	/** The parsed Content-Type, defaulting as RFC 2045 and RFC 2046 say; notes a header it had to repair. */
	public static HeaderValue contentType(List<MailPart.Header> headers, boolean inDigest, String where,
			List<ReadNote> notes) {
		String written = first(headers, "Content-Type");
		HeaderValue type = HeaderValue.parse(written);
		String fallback = inDigest ? "message/rfc822" : "text/plain";
		if (type == null || type.value().isEmpty()) {
			return new HeaderValue(fallback, type == null ? Map.of() : type.parameters());
		}
		// "text/html charset=utf-8": a semicolon forgotten; the first word is still the type
		String value = type.value().split("\\s+")[0];
		if (value.indexOf('/') <= 0 || value.endsWith("/")) {
			notes.add(ReadNote.repaired(where + ": Content-Type '" + written + "' read as text/plain"));
			return new HeaderValue("text/plain", type.parameters());
		}
		if (!value.equals(type.value())) {
			notes.add(ReadNote.repaired(where + ": Content-Type '" + written + "' read as " + value));
			return new HeaderValue(value, type.parameters());
		}
		if (!parsesStrictly(written)) {
			notes.add(ReadNote.repaired(where + ": Content-Type parameters repaired (" + written.strip() + ")"));
		}
		return type;
	}

	/** A part with content: decoded, with its file name and disposition. */
	public static MailPart leaf(List<MailPart.Header> headers, HeaderValue type, byte[] encoded, String where,
			List<ReadNote> notes) {
		return leaf(headers, type, Slice.of(encoded), where, notes);
	}

	/** As {@link #leaf(List, HeaderValue, byte[], String, List)}, for content that lies in the mail's bytes. */
	static MailPart leaf(List<MailPart.Header> headers, HeaderValue type, Slice encoded, String where,
			List<ReadNote> notes) {
		HeaderValue disposition = HeaderValue.parse(first(headers, "Content-Disposition"));
		String fileName = fileName(disposition, type);
		String label = fileName == null ? where : where + " (" + fileName + ")";
		TransferDecoding.Decoded decoded = TransferDecoding.decode(first(headers, "Content-Transfer-Encoding"),
				encoded, label);
		if (decoded.note() != null) {
			notes.add(decoded.note());
		}
		return new MailPart(headers, type.value(), type.parameters(), disposition == null ? null : disposition.value(),
				fileName, List.of(), decoded.content(), decoded.unreadable());
	}

	/** A multipart and the parts found in it. */
	public static MailPart multipart(List<MailPart.Header> headers, HeaderValue type, List<MailPart> children) {
		HeaderValue disposition = HeaderValue.parse(first(headers, "Content-Disposition"));
		return new MailPart(headers, type.value(), type.parameters(), disposition == null ? null : disposition.value(),
				fileName(disposition, type), children, null, null);
	}

	/** A text part holding bytes no reader could split into parts, shown as they are. */
	public static MailPart rawText(byte[] body, String charset) {
		return new MailPart(List.of(new MailPart.Header("Content-Type", "text/plain")), "text/plain",
				charset == null ? Map.of() : Map.of("charset", charset), null, null, List.of(), body, null);
	}

	/** "the message" for the root, "part 1.2" below it. */
	public static String describe(String path) {
		return path.isEmpty() ? "the message" : "part " + path;
	}

	public static String child(String path, int index) {
		return path.isEmpty() ? String.valueOf(index + 1) : path + "." + (index + 1);
	}

	public static String first(List<MailPart.Header> headers, String name) {
		for (MailPart.Header header : headers) {
			if (header.name().equalsIgnoreCase(name)) {
				return header.value();
			}
		}
		return null;
	}

	/** The name in Content-Disposition, else in Content-Type, with encoded-words decoded (what clients send). */
	private static String fileName(HeaderValue disposition, HeaderValue type) {
		String name = disposition == null ? null : disposition.parameter("filename");
		if (name == null || name.isBlank()) {
			name = type.parameter("name");
		}
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return MimeUtility.decodeText(name.strip());
		}
		catch (java.io.UnsupportedEncodingException | RuntimeException ex) {
			return name.strip();
		}
	}

	private static boolean parsesStrictly(String written) {
		try {
			new ContentType(written);
			return true;
		}
		catch (ParseException | RuntimeException ex) {
			return false;
		}
	}

}
