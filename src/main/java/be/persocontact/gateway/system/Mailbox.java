package be.persocontact.gateway.system;

import java.util.Locale;

/**
 * One helpdesk mailbox the gateway reads and writes from: its servers and sign-in, its folders, and
 * what a ticket that comes in on it gets when nothing else decides: its queue (when no routing rule
 * picks another) and its language (when the mail declares none).
 *
 * @param id the short name that tickets, route ids ({@code mail-intake-<id>}), metrics (tag
 * {@code mailbox}) and logs carry; {@code default} for the one mailbox of {@code gateway.mail.*}
 * @param server the address, servers, sign-in and folders
 * @param defaultQueue the queue code of its tickets when no rule picks one; null: the queues' default
 * @param defaultLanguage the language of a requester whose mail declares none
 */
public record Mailbox(String id, MailServerSettings server, String defaultQueue, String defaultLanguage) {

	/** The id of the mailbox of {@code gateway.mail.*}, when no list is configured. */
	public static final String DEFAULT_ID = "default";

	/** The helpdesk address: From of the mail about its tickets, and the base of their reply addresses. */
	public String address() {
		return this.server.address();
	}

	/**
	 * Where a mail was found, as the inbound record keeps it ({@code login@host/folder}): with the UID it
	 * names one mail of one folder on one server.
	 */
	public String folderLabel() {
		return this.server.username() + "@" + this.server.host() + "/" + this.server.folder();
	}

	/** Whether this address is the mailbox's own (case does not matter in a mail address here). */
	public boolean isAddress(String address) {
		return address != null && address.strip().toLowerCase(Locale.ROOT).equals(address().toLowerCase(Locale.ROOT));
	}

}
