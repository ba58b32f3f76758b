package be.persocontact.gateway.mime.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A part's content as it stands in the mail: a range of the mail's bytes, decoded where it lies. A 25 MB
 * scan in base64 was first copied out of the mail (34 MB) only to be decoded and dropped.
 *
 * @param array the bytes the range lies in, never changed
 * @param from the first byte of the range
 * @param to the end of the range, exclusive
 */
record Slice(byte[] array, int from, int to) {

	static Slice of(byte[] bytes) {
		return new Slice(bytes, 0, bytes.length);
	}

	int length() {
		return this.to - this.from;
	}

	/** The range as an array of its own; the array itself when the range is all of it. */
	byte[] toArray() {
		return this.from == 0 && this.to == this.array.length ? this.array
				: Arrays.copyOfRange(this.array, this.from, this.to);
	}

	InputStream stream() {
		return new ByteArrayInputStream(this.array, this.from, length());
	}

}
