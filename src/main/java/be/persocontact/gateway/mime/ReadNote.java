package be.persocontact.gateway.mime;

/**
 * Something the reader tolerated in a mail, in English for officers and operators.
 *
 * @param kind whether anything the sender wrote may be missing or shown differently
 * @param text what was found and what was done about it, naming the part
 */
public record ReadNote(Kind kind, String text) {

	public enum Kind {

		/** Repaired without loss: an odd spelling, a stray semicolon, blank lines before the headers. */
		REPAIRED,
		/** Read as far as possible: a fallback reader, skipped characters, a part that could not be decoded. */
		DAMAGED

	}

	public static ReadNote repaired(String text) {
		return new ReadNote(Kind.REPAIRED, text);
	}

	public static ReadNote damaged(String text) {
		return new ReadNote(Kind.DAMAGED, text);
	}

	@Override
	public String toString() {
		return this.kind + ": " + this.text;
	}

}
