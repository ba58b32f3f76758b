package be.persocontact.gateway.mime.internal;

import java.util.List;

import be.persocontact.gateway.mime.ReadNote;

/**
 * A script that forgot the blank line between the header block and the body makes every reader take the
 * body's first lines for headers, and the text is lost from the ticket. A line in the header block that is
 * neither a header field (no colon at all) nor a folded continuation begins the body, as Postfix's cleanup
 * and Python's email package read it; a blank line is put before it. When anything shaped like a header
 * field still follows that line before the block ends, the line is a damaged header instead and the block
 * is left to the readers as it is: cutting there would turn the fields after it (the sender, the MIME
 * structure, the marks of machine mail) into text. The stored raw mail is unchanged.
 */
public final class MissingBodySeparator {

	private MissingBodySeparator() {
	}

	public static byte[] repair(byte[] raw, List<ReadNote> notes) {
		int bodyLine = -1;
		int lineNumber = 0;
		for (int start = 0; start < raw.length;) {
			int end = lineEnd(raw, start);
			lineNumber++;
			if (start == end) {
				return raw; // the header block ends as it should
			}
			if (bodyLine < 0) {
				if (raw[start] != ' ' && raw[start] != '\t' && indexOf(raw, start, end, (byte) ':') < 0) {
					bodyLine = start;
					notes.add(ReadNote.repaired("no blank line between the headers and the body; the body begins at "
							+ "line " + lineNumber));
				}
			}
			else if (isField(raw, start, end)) {
				notes.remove(notes.size() - 1);
				return raw;
			}
			start = next(raw, end);
		}
		if (bodyLine < 0) {
			return raw;
		}
		boolean crlf = bodyLine >= 2 && raw[bodyLine - 2] == '\r';
		byte[] separator = crlf ? new byte[] { '\r', '\n' } : new byte[] { '\n' };
		byte[] repaired = new byte[raw.length + separator.length];
		System.arraycopy(raw, 0, repaired, 0, bodyLine);
		System.arraycopy(separator, 0, repaired, bodyLine, separator.length);
		System.arraycopy(raw, bodyLine, repaired, bodyLine + separator.length, raw.length - bodyLine);
		return repaired;
	}

	/** The index of the line's CR or LF, or the end of the mail. */
	private static int lineEnd(byte[] raw, int start) {
		int i = start;
		while (i < raw.length && raw[i] != '\n' && raw[i] != '\r') {
			i++;
		}
		return i;
	}

	private static int next(byte[] raw, int end) {
		if (end < raw.length && raw[end] == '\r') {
			end++;
		}
		return end < raw.length && raw[end] == '\n' ? end + 1 : end;
	}

	private static int indexOf(byte[] raw, int start, int end, byte wanted) {
		for (int i = start; i < end; i++) {
			if (raw[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

	/** A field name of RFC 5322 (printable ASCII but the colon, at least one) followed by its colon. */
	private static boolean isField(byte[] raw, int start, int end) {
		int i = start;
		while (i < end && raw[i] >= 33 && raw[i] <= 126 && raw[i] != ':') {
			i++;
		}
		return i > start && i < end && raw[i] == ':';
	}

}
