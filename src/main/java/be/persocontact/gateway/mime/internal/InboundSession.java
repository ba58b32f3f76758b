package be.persocontact.gateway.mime.internal;

import java.util.Properties;

import jakarta.mail.Session;

/**
 * The one Jakarta Mail session every inbound mail is read with. Angus Mail 2.0 / Jakarta Mail 2.1 read
 * only two of the parsing leniencies from the session; the others are JVM-wide system properties, most of
 * them read once into static fields when the class first loads. Setting those globally would also change
 * how GreenMail and the outbound mailer in the same JVM read mail, and would work or not depending on
 * which class loaded first; so each is obtained here without them:
 * <table>
 * <caption>Where each leniency comes from</caption>
 * <tr><th>Property</th><th>Angus Mail reads it from</th><th>How the gateway gets it</th></tr>
 * <tr><td>{@code mail.mime.address.strict=false}</td><td>the session ({@code MimeMessage})</td><td>this session</td></tr>
 * <tr><td>{@code mail.mime.allowutf8=true}</td><td>the session ({@code MimeMessage} headers)</td><td>this session;
 * part headers through {@link LenientMultipart}</td></tr>
 * <tr><td>{@code mail.mime.parameters.strict=false}, {@code decodeparameters}</td><td>system, static
 * ({@code ParameterList})</td><td>{@link HeaderValue} splits the list itself, then lets Angus Mail decode RFC 2231</td></tr>
 * <tr><td>{@code mail.mime.multipart.ignoremissingendboundary}</td><td>system, per multipart</td>
 * <td>{@link LenientMultipart} sets the field</td></tr>
 * <tr><td>{@code mail.mime.multipart.ignoremissingboundaryparameter}, {@code allowempty}</td><td>system, per
 * multipart</td><td>{@link AngusReading}: a boundary missing or never used is taken from the body when a
 * delimiter line appears twice (Angus Mail would take the first line starting with "--", a signature too); a
 * blank multipart is empty</td></tr>
 * <tr><td>{@code mail.mime.base64.ignoreerrors}</td><td>system, per stream</td><td>{@link LenientBase64}</td></tr>
 * <tr><td>{@code mail.mime.uudecode.ignoreerrors}, {@code ignoremissingbeginend}</td><td>system, per stream</td>
 * <td>{@link TransferDecoding} builds the decoder with both flags</td></tr>
 * <tr><td>{@code mail.mime.ignoreunknownencoding}</td><td>system, static ({@code MimeUtility})</td>
 * <td>{@link TransferDecoding}: unknown encodings read as 8bit</td></tr>
 * <tr><td>{@code mail.mime.decodefilename}</td><td>system, static ({@code MimeBodyPart})</td><td>{@link Parts}
 * decodes encoded-words in file names</td></tr>
 * <tr><td>{@code mail.mime.contentdisposition.strict}</td><td>system, static</td><td>{@link HeaderValue}</td></tr>
 * </table>
 */
public final class InboundSession {

	private static final Session SESSION;

	static {
		Properties properties = new Properties();
		properties.setProperty("mail.mime.address.strict", "false");
		// 8-bit headers (SMTPUTF8, or just broken senders) are read as UTF-8; the intake repairs the rest
		properties.setProperty("mail.mime.allowutf8", "true");
		SESSION = Session.getInstance(properties);
	}

	private InboundSession() {
	}

	public static Session get() {
		return SESSION;
	}

}
