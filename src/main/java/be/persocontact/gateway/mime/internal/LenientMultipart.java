package be.persocontact.gateway.mime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.SharedInputStream;

/**
 * A multipart read with the leniencies Angus Mail takes only from system properties: a missing end
 * boundary is tolerated, and the headers of each part may be UTF-8. A missing boundary parameter and an
 * empty multipart are left to the caller ({@link AngusReading}), which looks for the boundary the body
 * uses and tells a blank body (fine) from text no boundary divides (to be read another way). The parts
 * share the bytes of the mail (no copies).
 */
final class LenientMultipart extends MimeMultipart {

	/**
	 * @param part the part whose content is the multipart, read as it stands in the mail
	 * @param contentType its Content-Type, written so that Angus Mail can parse it ({@link HeaderValue#canonical})
	 */
	LenientMultipart(MimePart part, String contentType) throws MessagingException {
		super(new RawContent(part, contentType));
	}

	@Override
	protected void initializeProperties() {
		super.initializeProperties();
		this.ignoreMissingEndBoundary = true;
		this.ignoreMissingBoundaryParameter = false;
		this.ignoreExistingBoundaryParameter = false;
		this.allowEmpty = false;
	}

	@Override
	protected InternetHeaders createInternetHeaders(InputStream is) throws MessagingException {
		return new InternetHeaders(is, true);
	}

	@Override
	protected MimeBodyPart createMimeBodyPart(InputStream is) throws MessagingException {
		return new Utf8HeadersPart(is);
	}

	/** The content of a part as it stands in the mail; a shared stream over the mail's bytes where it can be. */
	static InputStream raw(MimePart part) throws MessagingException {
		return part instanceof MimeMessage message ? message.getRawInputStream()
				: ((MimeBodyPart) part).getRawInputStream();
	}

	/** A body part whose headers are read as UTF-8, its content left in the shared mail bytes. */
	private static final class Utf8HeadersPart extends MimeBodyPart {

		Utf8HeadersPart(InputStream is) throws MessagingException {
			this.headers = new InternetHeaders(is, true);
			if (is instanceof SharedInputStream shared) {
				this.contentStream = shared.newStream(shared.getPosition(), -1);
			}
			else {
				try {
					this.content = is.readAllBytes();
				}
				catch (IOException ex) {
					throw new MessagingException("Error reading input stream", ex);
				}
			}
		}

	}

	/** The multipart's own bytes, with a Content-Type Angus Mail can parse. */
	private record RawContent(MimePart part, String contentType) implements DataSource {

		@Override
		public InputStream getInputStream() throws IOException {
			try {
				return raw(this.part);
			}
			catch (MessagingException ex) {
				throw new IOException(ex);
			}
		}

		@Override
		public OutputStream getOutputStream() {
			throw new UnsupportedOperationException("read only");
		}

		@Override
		public String getContentType() {
			return this.contentType;
		}

		@Override
		public String getName() {
			return null;
		}

	}

}
