package be.persocontact.gateway.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * The files of a raw mail, as {@link IncomingFile}s for {@link AttachmentManagement#receive}: every
 * part with a file name or a non-inline disposition, found through nested multiparts. A forwarded
 * mail ({@code message/rfc822}) is one {@code .eml} file, its own attachments stay inside it. The
 * body text parts are the intake's business and are not returned.
 */
public final class MailAttachments {

	private static final int MAX_DEPTH = 16;

	private static final Session SESSION;

	static {
		Properties properties = new Properties();
		properties.setProperty("mail.mime.address.strict", "false");
		properties.setProperty("mail.mime.ignoreunknownencoding", "true");
		properties.setProperty("mail.mime.base64.ignoreerrors", "true");
		properties.setProperty("mail.mime.decodefilename", "true");
		properties.setProperty("mail.mime.decodeparameters", "true");
		SESSION = Session.getInstance(properties);
	}

	private MailAttachments() {
	}

	/**
	 * @param rawMail the mail as received
	 * @return its files in the order they appear; empty when it has none
	 * @throws IllegalArgumentException when the bytes are not a mail at all
	 */
	public static List<IncomingFile> from(byte[] rawMail) {
		if (rawMail == null || rawMail.length == 0) {
			throw new IllegalArgumentException("No mail bytes");
		}
		try {
			MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(rawMail));
			List<IncomingFile> files = new ArrayList<>();
			collect(message, 0, true, files);
			return List.copyOf(files);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalArgumentException("Unreadable mail structure: " + ex.getMessage(), ex);
		}
	}

	private static void collect(Part part, int depth, boolean top, List<IncomingFile> files)
			throws MessagingException, IOException {
		if (depth > MAX_DEPTH) {
			return; // a structure this deep is an attack on the walker, not a requester's document
		}
		if (part.isMimeType("multipart/*")) {
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					collect(child, depth + 1, false, files);
				}
			}
			return;
		}
		String name = fileName(part);
		if (!top && part.isMimeType("message/rfc822")) {
			byte[] bytes = bytes(part);
			files.add(new IncomingFile(emlName(name, bytes), "message/rfc822", bytes));
			return;
		}
		String disposition = disposition(part);
		boolean attached = name != null || (disposition != null && !Part.INLINE.equalsIgnoreCase(disposition));
		if (!attached) {
			return;
		}
		files.add(new IncomingFile(name, baseType(part), bytes(part)));
	}

	private static byte[] bytes(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return in.readAllBytes();
		}
	}

	private static String fileName(Part part) {
		try {
			String name = part.getFileName();
			if (name == null) {
				ContentType type = new ContentType(part.getContentType());
				name = type.getParameter("name");
			}
			return name == null || name.isBlank() ? null : MimeUtility.decodeText(name);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			return null;
		}
	}

	private static String disposition(Part part) {
		try {
			return part.getDisposition();
		}
		catch (MessagingException ex) {
			return Part.ATTACHMENT; // unparseable disposition: keep the part rather than lose a document
		}
	}

	private static String baseType(Part part) {
		try {
			return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private static String emlName(String name, byte[] bytes) {
		String base = name;
		if (base == null) {
			try {
				String subject = new MimeMessage(SESSION, new ByteArrayInputStream(bytes)).getSubject();
				base = subject == null || subject.isBlank() ? "forwarded-mail" : subject;
			}
			catch (MessagingException ex) {
				base = "forwarded-mail";
			}
		}
		return base.toLowerCase(Locale.ROOT).endsWith(".eml") ? base : base + ".eml";
	}

}
