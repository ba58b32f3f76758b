package be.persocontact.gateway.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

import be.persocontact.gateway.mime.MailPart;
import be.persocontact.gateway.mime.MailReading;
import be.persocontact.gateway.mime.MailStructure;

/**
 * A raw mail read once, tolerantly ({@link MailReading}), into what the checks need. Header values are
 * read from here and nowhere else: no MIME header ever becomes a Camel header or steers the transport.
 */
final class ParsedMail {

	private static final Pattern ICALENDAR_METHOD = Pattern.compile("^METHOD:\\s*([A-Za-z-]+)",
			Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

	private final MailStructure structure;

	private final MailPart root;

	private final MailStructure content;

	private final String fromAddress;

	private final SenderAddress sender;

	private final String subject;

	private final String messageId;

	private ParsedMail(MailStructure structure, byte[] raw) {
		this.structure = structure;
		this.root = structure.root();
		this.content = enclosedMessage(this.root) ? MailReading.read(this.root.content()) : structure;
		// as Jakarta Mail's getFrom() always did: the From header, or the Sender when there is no From
		InternetAddress from = SenderAddress.firstUsable(hasHeader("From") ? headers("From") : headers("Sender"));
		this.fromAddress = from == null ? null : from.getAddress().strip();
		SenderAddress resolved = SenderAddress.resolve(headers("From"), headers("Sender"), headers("Return-Path"));
		this.sender = resolved == null ? null
				: new SenderAddress(resolved.address(), repairedName(resolved, raw), resolved.source());
		this.subject = MailText.repairHeader(decodedHeader("Subject"), raw, "Subject");
		this.messageId = header("Message-ID");
	}

	/** A display name read as UTF-8 with replacement characters: parse the repaired header line again. */
	private String repairedName(SenderAddress sender, byte[] raw) {
		String personal = sender.name();
		if (personal == null || personal.indexOf('\uFFFD') < 0) {
			return personal;
		}
		String name = sender.source() == SenderAddress.Source.FROM ? "From" : "Sender";
		InternetAddress repaired = SenderAddress.usable(MailText.repairHeader(header(name), raw, name));
		return repaired == null ? personal.replace('\uFFFD', '?') : repaired.getPersonal();
	}

	/** Never fails: a mail is read as far as it can be ({@link MailReading}). */
	static ParsedMail parse(byte[] raw) {
		return parse(MailReading.read(raw), raw);
	}

	/**
	 * Who sent the mail and about what, from its header block alone, as recording needs: its parts are not
	 * read (nor their base64 decoded), so its {@link #structure} and {@link #content} are that header
	 * block with no body. The header block is found and read as {@link MailReading} reads it.
	 */
	static ParsedMail headersOf(byte[] raw) {
		MailPart headerBlock = new MailPart(MailReading.headers(raw), "text/plain", java.util.Map.of(), null, null,
				List.of(), null, null);
		return new ParsedMail(new MailStructure(headerBlock, MailStructure.Reader.ANGUS_MAIL, List.of()), raw);
	}

	/** A mail already read, with the bytes it was read from. */
	static ParsedMail parse(MailStructure read, byte[] raw) {
		return new ParsedMail(read, raw);
	}

	/** The parts as read, which step read them and what was tolerated on the way. */
	MailStructure structure() {
		return this.structure;
	}

	/**
	 * The parts the mail's text and files are read from: the mail's own, or, for a mail that is nothing but
	 * one enclosed message ({@code message/rfc822} at the top, as GroupWise forwards), that message's. Without
	 * this its text would be neither body nor file. Sender, subject, threading and the checks stay the outer
	 * mail's: it is the outer sender who wrote to the desk.
	 */
	MailStructure content() {
		return this.content;
	}

	private static boolean enclosedMessage(MailPart root) {
		return root.is("message/rfc822") && !root.isMultipart() && root.unreadable() == null
				&& root.content().length > 0;
	}

	/**
	 * The usable address of the From header (of the Sender when there is no From header at all), or null.
	 * The address that acts: threading and officer replies go by this one.
	 */
	String fromAddress() {
		return this.fromAddress;
	}

	/** Whom answers go to (From, else Sender, else Return-Path), and which header said so; null if none. */
	SenderAddress sender() {
		return this.sender;
	}

	String subject() {
		return this.subject == null ? "" : this.subject;
	}

	String messageId() {
		return this.messageId;
	}

	/** The first value of a header, unfolded, or null. */
	String header(String name) {
		return this.root.header(name);
	}

	/** Every value of a header, unfolded and trimmed, in order of appearance (topmost first). */
	List<String> headers(String name) {
		return this.root.headers(name);
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
				String language = Locale.forLanguageTag(tag.split(";")[0].strip()).getLanguage();
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

	/** The declared media type of the whole message, lower case, without parameters. */
	String contentType() {
		return this.root.mediaType();
	}

	/** The {@code report-type} of a {@code multipart/report}, lower case, or null. */
	String reportType() {
		if (!this.root.is("multipart/report")) {
			return null;
		}
		String reportType = this.root.parameter("report-type");
		return reportType == null ? "" : reportType.toLowerCase(Locale.ROOT);
	}

	/** The first part (at any depth) of the given media type, as text, or null. */
	String partText(String mediaType) {
		return this.root.find(part -> part.is(mediaType)).map(ParsedMail::text).orElse(null);
	}

	/** Is there a part (at any depth) of this media type? */
	boolean hasPart(String mediaType) {
		return this.root.find(part -> part.is(mediaType)).isPresent();
	}

	/**
	 * The iTIP method (RFC 5546: REQUEST, REPLY, CANCEL…) of the first calendar part, upper case: the
	 * {@code method} parameter of its Content-Type, else the {@code METHOD:} line of the iCalendar
	 * text. Null without a calendar part, empty when the part names no method.
	 */
	String calendarMethod() {
		MailPart part = this.root.find(candidate -> candidate.is("text/calendar"))
			.or(() -> this.root.find(candidate -> candidate.is("application/ics")))
			.orElse(null);
		if (part == null) {
			return null;
		}
		String method = part.parameter("method");
		if (method == null) {
			Matcher line = ICALENDAR_METHOD.matcher(text(part));
			method = line.find() ? line.group(1) : "";
		}
		return method.strip().toUpperCase(Locale.ROOT);
	}

	/** The readable body: the plain part if there is one, else the HTML part reduced to safe text. */
	MailText.Body body() {
		MailPart top = this.content.root();
		MailPart plain = bodyPart(top, "text/plain");
		if (plain != null) {
			return new MailText.Body(text(plain), false);
		}
		MailPart html = bodyPart(top, "text/html");
		if (html != null) {
			return new MailText.Body(MailText.htmlToText(text(html)), true);
		}
		return new MailText.Body("", false);
	}

	/** The first part of the type that is not an attachment nor inside one. */
	private static MailPart bodyPart(MailPart part, String type) {
		if (part.isAttachment()) {
			return null;
		}
		if (part.is(type)) {
			return part;
		}
		for (MailPart child : part.children()) {
			MailPart text = bodyPart(child, type);
			if (text != null) {
				return text;
			}
		}
		return null;
	}

	private static String text(MailPart part) {
		return MailText.decodeBytes(part.content(), part.charset());
	}

}
