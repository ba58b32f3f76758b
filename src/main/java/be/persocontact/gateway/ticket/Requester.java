package be.persocontact.gateway.ticket;

import java.util.Locale;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Who asked: the address replies go to, a display name, and the language every mail and page uses. */
@Embeddable
public class Requester {

	public static final Set<String> LANGUAGES = Set.of("nl", "fr", "de", "en");

	@Column(name = "requester_address", nullable = false)
	private String address;

	@Column(name = "requester_name")
	private String displayName;

	@Column(name = "requester_language", nullable = false)
	private String language;

	protected Requester() {
	}

	public Requester(String address, String displayName, String language) {
		if (address == null || address.isBlank() || !address.contains("@")) {
			throw new IllegalArgumentException("A requester needs a mail address: " + address);
		}
		if (!LANGUAGES.contains(language)) {
			throw new IllegalArgumentException("Unsupported language: " + language);
		}
		this.address = normalise(address);
		this.displayName = (displayName == null || displayName.isBlank()) ? null : displayName.strip();
		this.language = language;
	}

	/** Addresses compare case-insensitively (RFC 5321 allows case in the local part; no real server uses it). */
	public static String normalise(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

	public boolean hasAddress(String other) {
		return other != null && this.address.equals(normalise(other));
	}

	public String address() {
		return this.address;
	}

	public String displayName() {
		return this.displayName;
	}

	public String language() {
		return this.language;
	}

}
