package be.persocontact.gateway.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import be.persocontact.gateway.mime.internal.AngusReading;
import be.persocontact.gateway.mime.internal.LeadingBlankLines;
import be.persocontact.gateway.mime.internal.Mime4jReading;
import be.persocontact.gateway.mime.internal.MissingBodySeparator;
import be.persocontact.gateway.mime.internal.RawBodyReading;
import be.persocontact.gateway.mime.internal.StructureUnreadable;

/**
 * Reads a raw mail as far as it can be read, step by step (see {@code docs/intake-rules.md}, "Parse
 * fallbacks"):
 * <ol>
 * <li>blank lines before the header block are skipped;</li>
 * <li>a missing blank line between the header block and the body is put where the body begins
 * ({@link MissingBodySeparator});</li>
 * <li>Angus Mail, lenient (one inbound session; parameter lists, boundaries, transfer encodings repaired);</li>
 * <li>where Angus Mail cannot find the parts: Apache James mime4j, permissive;</li>
 * <li>where mime4j finds no parts either: the raw body as text.</li>
 * </ol>
 * A part whose content cannot be decoded is kept as unreadable and costs only that part. The result is a
 * pure function of the bytes: reading the same mail again gives the same structure, so a failure here is
 * never worth a retry.
 */
public final class MailReading {

	private MailReading() {
	}

	/** The header block only, as the last step reads it: for a look at a mail without reading its parts. */
	public static List<MailPart.Header> headers(byte[] raw) {
		List<ReadNote> notes = new ArrayList<>();
		byte[] mail = LeadingBlankLines.skip(Objects.requireNonNull(raw, "raw"), notes);
		return RawBodyReading.headers(MissingBodySeparator.repair(mail, notes));
	}

	/** Never fails for bytes; an empty array is a mail without headers or body. */
	public static MailStructure read(byte[] raw) {
		Objects.requireNonNull(raw, "raw");
		List<ReadNote> notes = new ArrayList<>();
		byte[] mail = MissingBodySeparator.repair(LeadingBlankLines.skip(raw, notes), notes);
		List<ReadNote> angus = new ArrayList<>(notes);
		try {
			return new MailStructure(AngusReading.read(mail, angus), MailStructure.Reader.ANGUS_MAIL, angus);
		}
		catch (StructureUnreadable ex) {
			notes.add(ReadNote.damaged("the standard reader (Angus Mail) could not find the parts (" + ex.getMessage()
					+ "); read by the lenient reader (mime4j)"));
		}
		List<ReadNote> mime4j = new ArrayList<>(notes);
		try {
			Mime4jReading.Result read = Mime4jReading.read(mail, mime4j);
			return new MailStructure(read.root(),
					read.rawText() ? MailStructure.Reader.RAW_BODY : MailStructure.Reader.MIME4J, mime4j);
		}
		catch (StructureUnreadable ex) {
			notes.add(ReadNote.damaged("the lenient reader (mime4j) could not read it either (" + ex.getMessage() + ")"));
		}
		return new MailStructure(RawBodyReading.read(mail, notes), MailStructure.Reader.RAW_BODY, notes);
	}

}
