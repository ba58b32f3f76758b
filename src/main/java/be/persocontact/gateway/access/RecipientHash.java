package be.persocontact.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A stable pseudonym of a mail address for the link tables: an operator who knows an address can
 * find its rows, a reader of the tables alone does not see the address. Unlike the keyed recipient
 * tag in a token, it survives key rotation.
 */
public final class RecipientHash {

	private RecipientHash() {
	}

	public static String of(String address) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("recipient:" + address.strip().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 unavailable", ex);
		}
	}

}
