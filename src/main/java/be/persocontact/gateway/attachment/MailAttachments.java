package be.persocontact.gateway.attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import be.persocontact.gateway.mime.MailPart;
import be.persocontact.gateway.mime.MailReading;
import be.persocontact.gateway.mime.MailStructure;

/**
 * The files of a raw mail, as {@link IncomingFile}s for {@link AttachmentManagement#receive}: every
 * part with a file name or a non-inline disposition, found through nested multiparts. A forwarded
 * mail ({@code message/rfc822}) is one {@code .eml} file, its own attachments stay inside it. The
 * body text parts are the intake's business and are not returned. The mail is read as the intake reads
 * it ({@link MailReading}): however damaged its structure, the files that can be found are found, and a
 * file whose content cannot be decoded is handed on as unreadable, to be refused with that reason.
 */
public final class MailAttachments {

	private MailAttachments() {
	}

	/**
	 * @param rawMail the mail as received
	 * @return its files in the order they appear; empty when it has none
	 * @throws IllegalArgumentException when there are no bytes at all
	 */
	public static List<IncomingFile> from(byte[] rawMail) {
		if (rawMail == null) {
			throw new IllegalArgumentException("No mail bytes");
		}
		return from(MailReading.read(rawMail));
	}

	/** The files of a mail already read: the intake reads each mail once for its text and its files. */
	public static List<IncomingFile> from(MailStructure mail) {
		List<IncomingFile> files = new ArrayList<>();
		collect(mail.root(), true, files);
		return List.copyOf(files);
	}

	private static void collect(MailPart part, boolean top, List<IncomingFile> files) {
		if (part.isMultipart()) {
			part.children().forEach(child -> collect(child, false, files));
			return;
		}
		String name = part.fileName();
		if (!top && part.is("message/rfc822")) {
			files.add(file(emlName(name, part), part));
			return;
		}
		String disposition = part.disposition();
		boolean attached = name != null || (disposition != null && !"inline".equals(disposition));
		if (attached) {
			files.add(file(name, part));
		}
	}

	private static IncomingFile file(String name, MailPart part) {
		return part.unreadable() != null ? IncomingFile.unreadable(name, part.mediaType(), part.unreadable())
				: new IncomingFile(name, part.mediaType(), part.content());
	}

	private static String emlName(String name, MailPart part) {
		String base = name;
		if (base == null) {
			String subject = MailReading.headers(part.content())
				.stream()
				.filter(header -> header.name().equalsIgnoreCase("Subject"))
				.map(header -> header.value().strip())
				.findFirst()
				.orElse(null);
			base = subject == null || subject.isBlank() ? "forwarded-mail" : decoded(subject);
		}
		return base.toLowerCase(Locale.ROOT).endsWith(".eml") ? base : base + ".eml";
	}

	private static String decoded(String subject) {
		try {
			return jakarta.mail.internet.MimeUtility.decodeText(subject);
		}
		catch (java.io.UnsupportedEncodingException | RuntimeException ex) {
			return subject;
		}
	}

}
