package be.persocontact.gateway.mime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;

import be.persocontact.gateway.mime.MailPart;
import be.persocontact.gateway.mime.ReadNote;

/**
 * The first reader: Angus Mail with the {@link InboundSession}, multiparts through
 * {@link LenientMultipart}, Content-Type read by {@link HeaderValue}, content decoded by
 * {@link TransferDecoding}. A multipart whose declared boundary never appears is split at the delimiter
 * the body does use, when one appears at least twice. Anything else that keeps Angus Mail from finding
 * the parts fails the whole reading, so that the next reader gets the whole mail.
 */
public final class AngusReading {

	private AngusReading() {
	}

	public static MailPart read(byte[] raw, List<ReadNote> notes) throws StructureUnreadable {
		try {
			// a shared stream: the parts point into these bytes instead of copying them
			MimeMessage message = new MimeMessage(InboundSession.get(), new SharedMail(raw));
			return part(message, "", 0, false, notes);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			throw new StructureUnreadable(String.valueOf(ex.getMessage()), ex);
		}
	}

	private static MailPart part(MimePart part, String path, int depth, boolean inDigest, List<ReadNote> notes)
			throws MessagingException, IOException, StructureUnreadable {
		List<MailPart.Header> headers = headers(part);
		HeaderValue type = Parts.contentType(headers, inDigest, Parts.describe(path), notes);
		if (!type.value().startsWith("multipart/")) {
			return Parts.leaf(headers, type, rawContent(part), Parts.describe(path), notes);
		}
		if (depth >= Parts.MAX_DEPTH) {
			notes.add(ReadNote.damaged(Parts.describe(path) + ": nested deeper than " + Parts.MAX_DEPTH
					+ " multiparts; not read"));
			return Parts.multipart(headers, type, List.of());
		}
		MimeMultipart multipart = split(part, type, Parts.describe(path), notes);
		List<MailPart> children = new ArrayList<>();
		boolean digest = type.value().equals("multipart/digest");
		for (int i = 0; multipart != null && i < multipart.getCount(); i++) {
			children.add(part((MimeBodyPart) multipart.getBodyPart(i), Parts.child(path, i), depth + 1, digest, notes));
		}
		return Parts.multipart(headers, type, children);
	}

	/**
	 * The parts of a multipart; null for a blank body (an empty multipart is allowed, RFC 2046 or not). A
	 * boundary that is missing or never appears is replaced by the one the body uses, never guessed from a
	 * single line (Angus Mail's own guess would cut a text at its signature).
	 */
	private static MimeMultipart split(MimePart part, HeaderValue type, String where, List<ReadNote> notes)
			throws MessagingException, IOException, StructureUnreadable {
		String declared = type.parameter("boundary");
		String failure = "no boundary parameter";
		if (declared != null) {
			try {
				return parsed(new LenientMultipart(part, type.canonical()), where, notes);
			}
			catch (MessagingException missingStart) {
				failure = missingStart.getMessage();
			}
		}
		byte[] body = rawContent(part).toArray();
		if (new String(body, StandardCharsets.ISO_8859_1).isBlank()) {
			return null;
		}
		String used = usedBoundary(body);
		if (used == null || used.equals(declared)) {
			throw new StructureUnreadable(where + ": " + failure);
		}
		Map<String, String> parameters = new LinkedHashMap<>(type.parameters());
		parameters.put("boundary", used);
		MimeMultipart multipart = parsed(new LenientMultipart(part, new HeaderValue(type.value(), parameters).canonical()),
				where, notes);
		notes.add(ReadNote.damaged(where + ": the declared boundary " + (declared == null ? "is missing" : "never appears")
				+ "; split at the delimiter the body uses"));
		return multipart;
	}

	private static MimeMultipart parsed(MimeMultipart multipart, String where, List<ReadNote> notes)
			throws MessagingException {
		multipart.getCount(); // parses
		noteMissingEnd(multipart, where, notes);
		return multipart;
	}

	/** A multipart without its closing delimiter was most often cut short on the way: its last part may be incomplete. */
	private static void noteMissingEnd(MimeMultipart multipart, String where, List<ReadNote> notes)
			throws MessagingException {
		if (!multipart.isComplete()) {
			notes.add(ReadNote.damaged(where + ": the closing boundary is missing; the mail may have been cut short"));
		}
	}

	/**
	 * The boundary a body actually uses: the first line that starts with "--" (not a line of dashes), if it
	 * appears at least twice as a delimiter. Once could be a signature or a quote.
	 */
	static String usedBoundary(byte[] body) {
		String[] lines = new String(body, StandardCharsets.ISO_8859_1).split("\r?\n|\r");
		String delimiter = null;
		int seen = 0;
		for (String line : lines) {
			String trimmed = line.stripTrailing();
			if (delimiter == null) {
				if (trimmed.length() > 2 && trimmed.startsWith("--") && !trimmed.matches("-+")) {
					delimiter = trimmed;
					seen = 1;
				}
			}
			else if (trimmed.equals(delimiter) || trimmed.equals(delimiter + "--")) {
				seen++;
			}
		}
		return delimiter != null && seen >= 2 ? delimiter.substring(2) : null;
	}

	private static List<MailPart.Header> headers(MimePart part) throws MessagingException {
		List<MailPart.Header> headers = new ArrayList<>();
		for (Header header : Collections.list(part.getAllHeaders())) {
			headers.add(new MailPart.Header(header.getName(), MimeUtility.unfold(header.getValue())));
		}
		return headers;
	}

	/** The part's content as it stands in the mail, where it lies when it does (not copied). */
	private static Slice rawContent(MimePart part) throws MessagingException, IOException {
		try (InputStream raw = LenientMultipart.raw(part)) {
			return raw instanceof SharedMail shared ? shared.remaining() : Slice.of(raw.readAllBytes());
		}
	}

	/**
	 * The mail's bytes, shared by its parts as Angus Mail reads them: every stream it makes of a range is
	 * one of these again, so that a part's content can be read where it lies.
	 */
	private static final class SharedMail extends SharedByteArrayInputStream {

		SharedMail(byte[] mail) {
			super(mail);
		}

		private SharedMail(byte[] mail, int offset, int length) {
			super(mail, offset, length);
		}

		@Override
		public InputStream newStream(long from, long end) {
			if (from < 0) {
				throw new IllegalArgumentException("start < 0");
			}
			long to = end == -1 ? this.count - this.start : end;
			return new SharedMail(this.buf, this.start + (int) from, (int) (to - from));
		}

		/** What is left to read of this stream, as a range of the mail's bytes. */
		Slice remaining() {
			return new Slice(this.buf, this.pos, this.count);
		}

	}

}
