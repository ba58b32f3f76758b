package be.persocontact.gateway.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The helpdesk mailboxes, in the order configured; the first is the primary one (mail about no ticket
 * or a ticket of no mailbox, such as a portal request, goes out from it).
 * <p>
 * With no {@code gateway.mailboxes} list there is exactly one, {@value Mailbox#DEFAULT_ID}, made of
 * {@code gateway.mail.*}, as before the list existed. A list entry takes the servers, folders and
 * sign-in method it does not name from {@code gateway.mail.*}; its login is its address unless it says
 * otherwise, and its password is its own. The start-up refuses a list that names an id or address
 * twice, or a mailbox twice (same login, server and folder), or an unsupported language; unknown queues
 * are refused by the queue module, which knows them.
 */
public final class Mailboxes {

	/** The languages a requester can be written to in. */
	public static final Set<String> LANGUAGES = Set.of("nl", "fr", "de", "en");

	private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");

	private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+|[^@\\s]+@localhost");

	private final List<Mailbox> all;

	private final Map<String, Mailbox> byId = new HashMap<>();

	public Mailboxes(List<Mailbox> mailboxes) {
		if (mailboxes.isEmpty()) {
			throw new IllegalArgumentException("gateway.mailboxes: at least one mailbox is needed");
		}
		this.all = List.copyOf(mailboxes);
		Map<String, String> addresses = new HashMap<>();
		Map<String, String> folders = new HashMap<>();
		for (Mailbox mailbox : this.all) {
			String where = "gateway.mailboxes (id '" + mailbox.id() + "')";
			if (mailbox.id() == null || !ID.matcher(mailbox.id()).matches()) {
				throw new IllegalArgumentException("gateway.mailboxes: the id '" + mailbox.id() + "' is not usable; "
						+ "an id is 1 to 32 lower-case letters, digits or '-' (it names routes, metrics and tickets)");
			}
			if (this.byId.put(mailbox.id(), mailbox) != null) {
				throw new IllegalArgumentException("gateway.mailboxes: the id '" + mailbox.id() + "' is used twice");
			}
			if (mailbox.address() == null || !ADDRESS.matcher(mailbox.address()).matches()) {
				throw new IllegalArgumentException(where + ": address '" + mailbox.address() + "' is not a mail address");
			}
			String other = addresses.put(mailbox.address().toLowerCase(Locale.ROOT), mailbox.id());
			if (other != null) {
				throw new IllegalArgumentException("gateway.mailboxes: mailboxes '" + other + "' and '" + mailbox.id()
						+ "' have the same address " + mailbox.address() + "; each mailbox needs its own");
			}
			other = folders.put(mailbox.folderLabel().toLowerCase(Locale.ROOT), mailbox.id());
			if (other != null) {
				throw new IllegalArgumentException("gateway.mailboxes: mailboxes '" + other + "' and '" + mailbox.id()
						+ "' would both read " + mailbox.folderLabel() + "; one folder is read by one mailbox");
			}
			if (!LANGUAGES.contains(mailbox.defaultLanguage())) {
				throw new IllegalArgumentException(where + ": default-language '" + mailbox.defaultLanguage()
						+ "' is not supported; use nl, fr, de or en");
			}
		}
	}

	public List<Mailbox> all() {
		return this.all;
	}

	/** The first mailbox: mail about no ticket, or about a ticket of no (or no longer configured) mailbox. */
	public Mailbox primary() {
		return this.all.get(0);
	}

	public Optional<Mailbox> find(String id) {
		return Optional.ofNullable(id == null ? null : this.byId.get(id));
	}

	/** The mailbox of this id, or the primary one for a ticket of none or of one no longer configured. */
	public Mailbox orPrimary(String id) {
		return find(id).orElse(primary());
	}

	/** The mailbox whose folder an inbound record names ({@link Mailbox#folderLabel()}), else the primary one. */
	public Mailbox ofFolderLabel(String label) {
		for (Mailbox mailbox : this.all) {
			if (mailbox.folderLabel().equalsIgnoreCase(String.valueOf(label))) {
				return mailbox;
			}
		}
		return primary();
	}

	/** Every helpdesk address: mail from one is our own, and reply addresses are built on each. */
	public List<String> addresses() {
		List<String> addresses = new ArrayList<>();
		this.all.forEach(mailbox -> addresses.add(mailbox.address()));
		return addresses;
	}

	/** Whether several mailboxes are configured. */
	public boolean several() {
		return this.all.size() > 1;
	}

}
