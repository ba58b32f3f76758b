package be.persocontact.gateway.mime.internal;

import java.util.Arrays;
import java.util.List;

import be.persocontact.gateway.mime.ReadNote;

/**
 * Blank lines before the header block (a relay or a script that wrote a newline first) would make every
 * reader see a mail without headers, and so without sender: they are skipped. The stored raw mail keeps them.
 */
public final class LeadingBlankLines {

	private LeadingBlankLines() {
	}

	public static byte[] skip(byte[] raw, List<ReadNote> notes) {
		int start = 0;
		int lines = 0;
		for (int i = 0; i < raw.length; i++) {
			byte b = raw[i];
			if (b == '\n') {
				lines++;
				start = i + 1;
			}
			else if (b != ' ' && b != '\t' && b != '\r') {
				break;
			}
		}
		if (lines == 0 || start >= raw.length) {
			return raw;
		}
		notes.add(ReadNote.repaired(lines + " blank line(s) before the headers skipped"));
		return Arrays.copyOfRange(raw, start, raw.length);
	}

}
