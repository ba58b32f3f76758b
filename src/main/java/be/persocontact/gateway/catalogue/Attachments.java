package be.persocontact.gateway.catalogue;

/** Whether a form wants files with it. */
public enum Attachments {

	REQUIRED, OPTIONAL, NONE

}
