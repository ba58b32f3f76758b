package be.persocontact.gateway.mime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A mail as far as it could be read: its tree of parts, the step that read it, and what was tolerated on
 * the way.
 *
 * @param root the message itself; its headers are the mail's headers
 * @param readBy the last step of {@link MailReading} that was needed
 * @param notes what was repaired or lost, in the order it was found
 */
public record MailStructure(MailPart root, Reader readBy, List<ReadNote> notes) {

	/** The steps of {@link MailReading}, in the order they are tried. */
	public enum Reader {

		/** Angus Mail (Jakarta Mail), made lenient: the normal case. */
		ANGUS_MAIL,
		/** Apache James mime4j in permissive mode, where Angus Mail could not read the structure. */
		MIME4J,
		/** The raw body taken as text, where no reader found the parts (of the whole mail or of one multipart). */
		RAW_BODY

	}

	public MailStructure {
		notes = List.copyOf(notes);
	}

	/** Did anything the sender wrote possibly get lost or change on the way? */
	public boolean damaged() {
		return this.readBy != Reader.ANGUS_MAIL
				|| this.notes.stream().anyMatch(note -> note.kind() == ReadNote.Kind.DAMAGED);
	}

	/** Every note on one line, for the operator's record; null when the mail was read as written. */
	public String summary() {
		if (this.notes.isEmpty()) {
			return null;
		}
		return this.readBy + ": " + this.notes.stream().map(ReadNote::toString).collect(Collectors.joining("; "));
	}

	/** The damaged notes only, for the officers' note on the ticket. */
	public String damageSummary() {
		return this.notes.stream()
			.filter(note -> note.kind() == ReadNote.Kind.DAMAGED)
			.map(ReadNote::text)
			.collect(Collectors.joining("; "));
	}

}
