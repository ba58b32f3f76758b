package be.persocontact.gateway.mime.internal;

/** A reader could not make out the structure of a mail: the next reader is tried. */
public final class StructureUnreadable extends Exception {

	public StructureUnreadable(String message, Throwable cause) {
		super(message, cause);
	}

	public StructureUnreadable(String message) {
		super(message);
	}

}
