package be.persocontact.gateway.mime.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

import be.persocontact.gateway.mime.MailPart;
import be.persocontact.gateway.mime.ReadNote;

/**
 * The last step, when no reader could make out the parts: the headers as they stand and everything
 * after them as one text part. The declared Content-Type stays on the message (a report is still a
 * report to the intake checks); the text hangs below it. Never fails.
 */
public final class RawBodyReading {

	private RawBodyReading() {
	}

	public static MailPart read(byte[] raw, List<ReadNote> notes) {
		int bodyStart = bodyStart(raw);
		List<MailPart.Header> headers = headers(raw);
		byte[] body = Arrays.copyOfRange(raw, bodyStart, raw.length);
		HeaderValue type = Parts.contentType(headers, false, Parts.describe(""), new ArrayList<>());
		notes.add(ReadNote.damaged("the message: no reader could find its parts; its body is shown as it stands"));
		MailPart text = Parts.rawText(body, type.parameter("charset"));
		return Parts.multipart(headers, type, List.of(text));
	}

	/** Where the body starts: after the first empty line, or at the end when there is none. */
	static int bodyStart(byte[] raw) {
		for (int i = 0; i < raw.length; i++) {
			if (raw[i] != '\n') {
				continue;
			}
			if (i + 1 < raw.length && raw[i + 1] == '\n') {
				return i + 2;
			}
			if (i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n') {
				return i + 3;
			}
		}
		return raw.length;
	}

	/** The headers of the header block, unfolded; none when they cannot be read at all. */
	public static List<MailPart.Header> headers(byte[] raw) {
		List<MailPart.Header> headers = new ArrayList<>();
		try {
			InternetHeaders parsed = new InternetHeaders(new ByteArrayInputStream(raw, 0, bodyStart(raw)), true);
			for (Header header : Collections.list(parsed.getAllHeaders())) {
				headers.add(new MailPart.Header(header.getName(), MimeUtility.unfold(header.getValue())));
			}
		}
		catch (MessagingException | RuntimeException unreadable) {
			// no headers to keep: the body is still shown
		}
		return headers;
	}

}
