package be.persocontact.gateway.intake.mail;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A mail's bytes as the server sends them, in an array sized from the size the server announced. When
 * the announcement was right (it is for IMAP's {@code RFC822.SIZE}) the array is handed on as it is: a
 * 30 MB mail is held once while it is read, not in a buffer that doubled its way up plus a copy of it.
 */
final class MailBytes extends ByteArrayOutputStream {

	/** Below this an announced size is not trusted to size the buffer (a server may announce 0). */
	private static final int SMALLEST = 16 * 1024;

	/**
	 * @param announced the size the server gave, or a negative number when it gave none
	 * @param limit the largest mail the gateway reads: a larger announcement is not allocated up front
	 */
	MailBytes(long announced, long limit) {
		super((int) Math.max(SMALLEST, Math.min(announced, Math.min(limit, Integer.MAX_VALUE - 16))));
	}

	/** The bytes written, in the buffer itself when it is exactly full. */
	byte[] bytes() {
		return this.count == this.buf.length ? this.buf : Arrays.copyOf(this.buf, this.count);
	}

}
