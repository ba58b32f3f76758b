package be.persocontact.gateway.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A raw mail parsed once, leniently, into what the checks need. Header values are read from here
 * and nowhere else: no MIME header ever becomes a Camel header or steers the transport.
 */
final class ParsedMail {

	private static final Session SESSION;

	static {
		Properties properties = new Properties();
		properties.setProperty("mail.mime.address.strict", "false");
		properties.setProperty("mail.mime.ignoreunknownencoding", "true");
		properties.setProperty("mail.mime.base64.ignoreerrors", "true");
		SESSION = Session.getInstance(properties);
	}

	private final MimeMessage message;

	private final String fromAddress;

	private final String fromName;

	private final String subject;

	private final String messageId;

	private ParsedMail(MimeMessage message) throws MessagingException {
		this.message = message;
		InternetAddress from = firstAddress(message);
		this.fromAddress = from == null ? null : from.getAddress();
		this.fromName = from == null ? null : from.getPersonal();
		this.subject = decodedHeader("Subject");
		this.messageId = header("Message-ID");
	}

	static ParsedMail parse(byte[] raw) throws MessagingException {
		return new ParsedMail(new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
	}

	String fromAddress() {
		return this.fromAddress;
	}

	String fromName() {
		return this.fromName;
	}

	String subject() {
		return this.subject == null ? "" : this.subject;
	}

	String messageId() {
		return this.messageId;
	}

	/** The first value of a header, unfolded, or null. */
	String header(String name) {
		try {
			String value = this.message.getHeader(name, null);
			return value == null ? null : MimeUtility.unfold(value).strip();
		}
		catch (MessagingException ex) {
			return null;
		}
	}

	private String decodedHeader(String name) {
		String value = header(name);
		if (value == null) {
			return null;
		}
		try {
			return MimeUtility.decodeText(value);
		}
		catch (IOException ex) {
			return value;
		}
	}

	/** The first supported language the sender's client declared, if any. */
	String contentLanguage() {
		String value = header("Content-Language");
		if (value == null) {
			return null;
		}
		for (String tag : value.split(",")) {
			String language = Locale.forLanguageTag(tag.strip()).getLanguage();
			if (!language.isEmpty()) {
				return language;
			}
		}
		return null;
	}

	/** The readable text of the mail: the plain part if there is one, else the HTML part as text. */
	String bodyText() throws MessagingException, IOException {
		String plain = findText(this.message, "text/plain");
		if (plain != null) {
			return plain.strip();
		}
		String html = findText(this.message, "text/html");
		return html == null ? "" : htmlToText(html);
	}

	private static String findText(Part part, String type) throws MessagingException, IOException {
		if (Part.ATTACHMENT.equalsIgnoreCase(safeDisposition(part))) {
			return null;
		}
		if (part.isMimeType(type)) {
			return decode(part);
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String text = findText(child, type);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	private static String safeDisposition(Part part) {
		try {
			return part.getDisposition();
		}
		catch (MessagingException ex) {
			return null;
		}
	}

	/**
	 * Decodes a text part with its declared charset; an unknown or lying charset falls back to UTF-8
	 * when the bytes are valid UTF-8, else to windows-1252 (what "no charset" means in practice).
	 */
	private static String decode(Part part) throws MessagingException, IOException {
		byte[] bytes;
		try (InputStream in = part.getInputStream()) {
			bytes = in.readAllBytes();
		}
		String declared = null;
		try {
			declared = new ContentType(part.getContentType()).getParameter("charset");
		}
		catch (MessagingException ex) {
			// unparseable content type: no declared charset
		}
		if (declared != null) {
			try {
				Charset charset = Charset.forName(MimeUtility.javaCharset(declared.strip()));
				if (!charset.equals(StandardCharsets.US_ASCII)) {
					return strictly(bytes, charset);
				}
			}
			catch (IllegalArgumentException | CharacterCodingException ex) {
				// unknown or wrong: fall through to the repairs below
			}
		}
		try {
			return strictly(bytes, StandardCharsets.UTF_8);
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, Charset.forName("windows-1252"));
		}
	}

	private static String strictly(byte[] bytes, Charset charset) throws CharacterCodingException {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}

	static String htmlToText(String html) {
		Document document = Jsoup.parse(html);
		document.select("script, style, head").remove();
		document.select("br").after("\n");
		document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote").after("\n");
		return document.body() == null ? "" : document.body().wholeText().replaceAll("\n{3,}", "\n\n").strip();
	}

	private static InternetAddress firstAddress(MimeMessage message) throws MessagingException {
		Address[] from;
		try {
			from = message.getFrom();
		}
		catch (AddressException ex) {
			String raw = message.getHeader("From", null);
			return raw == null ? null : lenient(raw);
		}
		if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
			return null;
		}
		return address.getAddress() == null || !address.getAddress().contains("@") ? null : address;
	}

	private static InternetAddress lenient(String raw) {
		try {
			InternetAddress[] parsed = InternetAddress.parseHeader(raw, false);
			return parsed.length == 0 ? null : parsed[0];
		}
		catch (AddressException ex) {
			return null;
		}
	}

}
