package be.persocontact.gateway.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;

/**
 * A raw mail parsed once, leniently, into what the checks need. Header values are read from here
 * and nowhere else: no MIME header ever becomes a Camel header or steers the transport.
 */
final class ParsedMail {

	private static final Session SESSION;

	private static final Pattern ICALENDAR_METHOD = Pattern.compile("^METHOD:\\s*([A-Za-z-]+)",
			Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

	private static final Pattern USABLE_ADDRESS = Pattern.compile("[^\\s@<>()\\[\\]\",;:\\\\]+@[^\\s@<>()\\[\\]\",;:\\\\.]+(\\.[^\\s@<>()\\[\\]\",;:\\\\.]+)+");

	static {
		Properties properties = new Properties();
		properties.setProperty("mail.mime.address.strict", "false");
		properties.setProperty("mail.mime.ignoreunknownencoding", "true");
		properties.setProperty("mail.mime.base64.ignoreerrors", "true");
		// 8-bit headers (SMTPUTF8 or just broken senders) are read as UTF-8; MailText repairs the rest
		properties.setProperty("mail.mime.allowutf8", "true");
		properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
		properties.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
		SESSION = Session.getInstance(properties);
	}

	private final MimeMessage message;

	private final byte[] raw;

	private final String fromAddress;

	private final String fromName;

	private final String subject;

	private final String messageId;

	private ParsedMail(MimeMessage message, byte[] raw) throws MessagingException {
		this.message = message;
		this.raw = raw;
		InternetAddress from = firstAddress(message);
		this.fromAddress = from == null ? null : from.getAddress().strip();
		this.fromName = from == null ? null : repairedName(from, raw);
		this.subject = MailText.repairHeader(decodedHeader("Subject"), raw, "Subject");
		this.messageId = header("Message-ID");
	}

	/** A display name read as UTF-8 with replacement characters: parse the repaired From line again. */
	private String repairedName(InternetAddress from, byte[] raw) {
		String personal = from.getPersonal();
		if (personal == null || personal.indexOf('\uFFFD') < 0) {
			return personal;
		}
		InternetAddress repaired = lenient(MailText.repairHeader(header("From"), raw, "From"));
		return repaired == null ? personal.replace('\uFFFD', '?') : repaired.getPersonal();
	}

	static ParsedMail parse(byte[] raw) throws MessagingException {
		return new ParsedMail(new MimeMessage(SESSION, new ByteArrayInputStream(raw)), raw);
	}

	MimeMessage message() {
		return this.message;
	}

	byte[] raw() {
		return this.raw;
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
		List<String> values = headers(name);
		return values.isEmpty() ? null : values.get(0);
	}

	/** Every value of a header, unfolded and trimmed, in order of appearance (topmost first). */
	List<String> headers(String name) {
		try {
			String[] values = this.message.getHeader(name);
			if (values == null) {
				return List.of();
			}
			List<String> unfolded = new ArrayList<>(values.length);
			for (String value : values) {
				unfolded.add(MimeUtility.unfold(value).strip());
			}
			return unfolded;
		}
		catch (MessagingException ex) {
			return List.of();
		}
	}

	boolean hasHeader(String name) {
		return !headers(name).isEmpty();
	}

	private String decodedHeader(String name) {
		String value = header(name);
		if (value == null) {
			return null;
		}
		String decoded;
		try {
			decoded = MimeUtility.decodeText(value);
		}
		catch (IOException | RuntimeException ex) {
			decoded = value;
		}
		return MailText.decodeUtf7Words(decoded);
	}

	/** The first of our languages the sender's client declared (Content-Language, Accept-Language), if any. */
	String contentLanguage() {
		for (String header : List.of("Content-Language", "Accept-Language", "X-Accept-Language")) {
			String value = header(header);
			if (value == null) {
				continue;
			}
			for (String tag : value.split(",")) {
				String language = java.util.Locale.forLanguageTag(tag.split(";")[0].strip()).getLanguage();
				if (List.of("nl", "fr", "de", "en").contains(language)) {
					return language;
				}
			}
		}
		return null;
	}

	/**
	 * Every address in the {@code From} header(s), lower case: one author is the rule; more than one
	 * (RFC 5322 allows it with a {@code Sender}) is never allowed to act in anyone's name.
	 */
	List<String> fromAddresses() {
		return addressesIn("From");
	}

	/** The {@code Sender} header's address, lower case, or null without one. */
	String senderHeaderAddress() {
		List<String> senders = addressesIn("Sender");
		return senders.isEmpty() ? null : senders.get(0);
	}

	private List<String> addressesIn(String header) {
		List<String> addresses = new ArrayList<>();
		for (String value : headers(header)) {
			try {
				for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
					if (address.getAddress() != null && !address.getAddress().isBlank()) {
						addresses.add(address.getAddress().strip().toLowerCase(Locale.ROOT));
					}
				}
			}
			catch (AddressException ex) {
				addresses.add(value.strip().toLowerCase(Locale.ROOT)); // unreadable: counted, never matched
			}
		}
		return addresses;
	}

	/** The Return-Path, without angle brackets; empty for the null return path {@code <>}. */
	String returnPath() {
		String value = header("Return-Path");
		return value == null ? null : value.replace("<", "").replace(">", "").strip();
	}

	/** Message-IDs this mail answers: In-Reply-To first, then References, newest first. */
	List<String> referencedMessageIds() {
		Set<String> ids = new LinkedHashSet<>();
		for (String header : List.of("In-Reply-To", "References")) {
			List<String> found = new ArrayList<>();
			for (String value : headers(header)) {
				Matcher matcher = MESSAGE_ID.matcher(value);
				while (matcher.find()) {
					found.add(matcher.group());
				}
			}
			Collections.reverse(found);
			ids.addAll(found);
		}
		return List.copyOf(ids);
	}

	/** Every address the mail was delivered to or for: To, Cc, Delivered-To, X-Original-To. */
	List<String> recipientAddresses() {
		List<String> addresses = new ArrayList<>();
		for (String header : List.of("Delivered-To", "X-Original-To", "To", "Cc")) {
			for (String value : headers(header)) {
				try {
					for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
						if (address.getAddress() != null) {
							addresses.add(address.getAddress().strip());
						}
					}
				}
				catch (AddressException ex) {
					// an unparseable recipient list threads nothing
				}
			}
		}
		return addresses;
	}

	/** The media type of the whole message, lower case, without parameters. */
	String contentType() {
		ContentType type = contentTypeOf(this.message);
		return type == null ? "text/plain" : type.getBaseType().toLowerCase(Locale.ROOT);
	}

	/** The {@code report-type} of a {@code multipart/report}, lower case, or null. */
	String reportType() {
		ContentType type = contentTypeOf(this.message);
		if (type == null || !"multipart/report".equalsIgnoreCase(type.getBaseType())) {
			return null;
		}
		String reportType = type.getParameter("report-type");
		return reportType == null ? "" : reportType.toLowerCase(Locale.ROOT);
	}

	/** The first part (at any depth) of the given media type, as text, or null. */
	String partText(String mediaType) {
		try {
			Part part = findPart(this.message, mediaType, 0);
			return part == null ? null : MailText.decodeBytes(read(part), charsetOf(part));
		}
		catch (MessagingException | IOException ex) {
			return null;
		}
	}

	/** Is there a part (at any depth) of this media type? */
	boolean hasPart(String mediaType) {
		try {
			return findPart(this.message, mediaType, 0) != null;
		}
		catch (MessagingException | IOException ex) {
			return false;
		}
	}

	/**
	 * The iTIP method (RFC 5546: REQUEST, REPLY, CANCEL…) of the first calendar part, upper case: the
	 * {@code method} parameter of its Content-Type, else the {@code METHOD:} line of the iCalendar
	 * text. Null without a calendar part, empty when the part names no method.
	 */
	String calendarMethod() {
		try {
			Part part = findPart(this.message, "text/calendar", 0);
			if (part == null) {
				part = findPart(this.message, "application/ics", 0);
			}
			if (part == null) {
				return null;
			}
			ContentType type = contentTypeOf(part);
			String method = type == null ? null : type.getParameter("method");
			if (method == null) {
				Matcher line = ICALENDAR_METHOD.matcher(MailText.decodeBytes(read(part), charsetOf(part)));
				method = line.find() ? line.group(1) : "";
			}
			return method.strip().toUpperCase(Locale.ROOT);
		}
		catch (MessagingException | IOException ex) {
			return null;
		}
	}

	private static Part findPart(Part part, String mediaType, int depth) throws MessagingException, IOException {
		if (depth > 10) {
			return null;
		}
		if (part.isMimeType(mediaType)) {
			return part;
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				Part found = findPart(multipart.getBodyPart(i), mediaType, depth + 1);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** The readable body: the plain part if there is one, else the HTML part reduced to safe text. */
	MailText.Body body() throws MessagingException, IOException {
		Part plain = findBodyPart(this.message, "text/plain", 0);
		if (plain != null) {
			return new MailText.Body(MailText.decodeBytes(read(plain), charsetOf(plain)), false);
		}
		Part html = findBodyPart(this.message, "text/html", 0);
		if (html != null) {
			return new MailText.Body(MailText.htmlToText(MailText.decodeBytes(read(html), charsetOf(html))), true);
		}
		return new MailText.Body("", false);
	}

	private static Part findBodyPart(Part part, String type, int depth) throws MessagingException, IOException {
		if (depth > 10 || Part.ATTACHMENT.equalsIgnoreCase(safeDisposition(part))) {
			return null;
		}
		if (part.isMimeType(type)) {
			return part;
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				Part text = findBodyPart(child, type, depth + 1);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	private static byte[] read(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException undecodable) {
			byte[] encoded = rawContent(part);
			if (encoded == null) {
				throw undecodable;
			}
			// the session's base64.ignoreerrors is a system property Jakarta Mail never reads from here
			return MailText.decodeBase64Leniently(encoded);
		}
	}

	/** The still-encoded content of a base64 part, or null for any other part. */
	private static byte[] rawContent(Part part) throws MessagingException, IOException {
		if (!(part instanceof MimePart mime) || !"base64".equalsIgnoreCase(mime.getEncoding())) {
			return null;
		}
		InputStream raw = part instanceof MimeBodyPart body ? body.getRawInputStream()
				: part instanceof MimeMessage message ? message.getRawInputStream() : null;
		if (raw == null) {
			return null;
		}
		try (raw) {
			return raw.readAllBytes();
		}
	}

	private static String charsetOf(Part part) {
		ContentType type = contentTypeOf(part);
		return type == null ? null : type.getParameter("charset");
	}

	private static ContentType contentTypeOf(Part part) {
		try {
			String value = part.getContentType();
			return value == null ? null : new ContentType(value);
		}
		catch (MessagingException ex) {
			return null;
		}
	}

	private static String safeDisposition(Part part) {
		try {
			return part.getDisposition();
		}
		catch (MessagingException ex) {
			return null;
		}
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
		return isUsable(address.getAddress()) ? address : null;
	}

	/**
	 * Lenient parsing hands back whatever stood in the header; only something mail can be sent to is
	 * a sender, or every answer would bounce, or never leave the outbox.
	 */
	static boolean isUsable(String address) {
		return address != null && USABLE_ADDRESS.matcher(address.strip()).matches() && !address.contains("..");
	}

	private static InternetAddress lenient(String raw) {
		try {
			InternetAddress[] parsed = InternetAddress.parseHeader(raw, false);
			return parsed.length == 0 || !isUsable(parsed[0].getAddress()) ? null : parsed[0];
		}
		catch (AddressException ex) {
			return null;
		}
	}

}
