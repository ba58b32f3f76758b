package be.persocontact.gateway.mime.internal;

import java.io.InputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * A multipart read with the leniencies Angus Mail takes only from system properties: a missing end
 * boundary and a missing boundary parameter are tolerated, and the headers of each part may be UTF-8.
 * An empty multipart is not accepted here: the caller decides whether the body was blank (fine) or held
 * text no boundary divides (to be read another way).
 */
final class LenientMultipart extends MimeMultipart {

	/**
	 * @param body the multipart's content as it stands in the mail
	 * @param contentType its Content-Type, written so that Angus Mail can parse it ({@link HeaderValue#canonical})
	 */
	LenientMultipart(byte[] body, String contentType) throws MessagingException {
		super(new ByteArrayDataSource(body, contentType));
	}

	@Override
	protected void initializeProperties() {
		super.initializeProperties();
		this.ignoreMissingEndBoundary = true;
		this.ignoreMissingBoundaryParameter = true;
		this.ignoreExistingBoundaryParameter = false;
		this.allowEmpty = false;
	}

	@Override
	protected InternetHeaders createInternetHeaders(InputStream is) throws MessagingException {
		return new InternetHeaders(is, true);
	}

}
