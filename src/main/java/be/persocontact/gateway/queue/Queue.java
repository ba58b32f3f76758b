package be.persocontact.gateway.queue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An officer queue.
 *
 * @param names the queue's name in nl, fr, de and en
 * @param language the language of mails to the queue's addresses
 * @param addresses where new tickets are announced (a shared mailbox or a distribution list)
 * @param attachFiles whether announcements carry the ticket's accepted files (up to
 * {@code gateway.queues.attachments-max-size} together)
 */
public record Queue(String code, Map<String, String> names, String language, List<String> addresses,
		List<Officer> officers, boolean attachFiles) {

	public Queue {
		names = Map.copyOf(names);
		addresses = List.copyOf(addresses);
		officers = List.copyOf(officers);
	}

	public String name(String language) {
		return this.names.getOrDefault(language, this.names.get("en"));
	}

	public boolean hasOfficer(String address) {
		return officer(address) != null;
	}

	public Officer officer(String address) {
		if (address == null) {
			return null;
		}
		String normalised = address.strip().toLowerCase(Locale.ROOT);
		return this.officers.stream().filter(officer -> officer.address().equals(normalised)).findFirst().orElse(null);
	}

}
