package be.persocontact.gateway.intake;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Whom a requester's mail is from, for the ticket and every answer to it: the {@code From} address;
 * where that is missing or unusable, the {@code Sender}; then the {@code Return-Path} the delivering
 * server wrote (the topmost; never the null path {@code <>}, which marks a machine's mail). Which one it
 * was is recorded on the inbound message. A mail with none of the three is quarantined ({@code NO_SENDER}).
 *
 * @param address the address answers go to
 * @param name the display name, when the header had one
 * @param source the header it was taken from
 */
record SenderAddress(String address, String name, Source source) {

	/** The header a sender address was taken from, in the order they are tried. */
	enum Source {

		FROM, SENDER, RETURN_PATH

	}

	private static final Pattern USABLE_ADDRESS = Pattern
		.compile("[^\\s@<>()\\[\\]\",;:\\\\]+@[^\\s@<>()\\[\\]\",;:\\\\.]+(\\.[^\\s@<>()\\[\\]\",;:\\\\.]+)+");

	/**
	 * @param from every From header value, topmost first
	 * @param sender every Sender header value
	 * @param returnPath every Return-Path header value
	 * @return the sender, or null when no header holds an address mail can be sent to
	 */
	static SenderAddress resolve(List<String> from, List<String> sender, List<String> returnPath) {
		InternetAddress address = firstUsable(from);
		if (address != null) {
			return new SenderAddress(address.getAddress().strip(), address.getPersonal(), Source.FROM);
		}
		address = firstUsable(sender);
		if (address != null) {
			return new SenderAddress(address.getAddress().strip(), address.getPersonal(), Source.SENDER);
		}
		// only the topmost one: the delivering server writes it; a null path there means a machine sent it
		address = returnPath.isEmpty() ? null : usable(returnPath.get(0));
		return address == null ? null : new SenderAddress(address.getAddress().strip(), null, Source.RETURN_PATH);
	}

	/** The first address of the header values (joined as Jakarta Mail joins them), if mail can be sent to it. */
	static InternetAddress firstUsable(List<String> values) {
		return values.isEmpty() ? null : usable(String.join(", ", values));
	}

	/** The first address in a header value, if mail can be sent to it. */
	static InternetAddress usable(String header) {
		if (header == null) {
			return null;
		}
		try {
			InternetAddress[] parsed = InternetAddress.parseHeader(header, false);
			return parsed.length == 0 || !isUsable(parsed[0].getAddress()) ? null : parsed[0];
		}
		catch (AddressException ex) {
			return null;
		}
	}

	/**
	 * Lenient parsing hands back whatever stood in the header; only something mail can be sent to is a
	 * sender, or every answer would bounce, or never leave the outbox.
	 */
	static boolean isUsable(String address) {
		return address != null && USABLE_ADDRESS.matcher(address.strip()).matches() && !address.contains("..");
	}

}
