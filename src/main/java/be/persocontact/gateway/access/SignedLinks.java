package be.persocontact.gateway.access;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Issues and verifies signed links. Token layout (base64url, no padding): version, purpose, key id,
 * ticket id, item id, expiry, the ticket's and the recipient's revocation epochs, a keyed tag of the
 * recipient address (the address itself never appears in a URL), then the HMAC-SHA256 of all of that.
 * Verifying a token needs no database; whether its epochs are still current is
 * {@link LinkManagement}'s question, and only it verifies: a page opens a link through
 * {@link LinkManagement#open}, never through this class, so that no page can skip the revocation check.
 */
@Service
public class SignedLinks {

	private static final byte VERSION = 2;

	private static final int TAG_BYTES = 16;

	private static final int MAC_BYTES = 32;

	/** ticket id, item id, expiry (8 bytes each), two epochs (4 bytes each), recipient tag. */
	private static final int FIELD_BYTES = 8 + 8 + 8 + 4 + 4 + TAG_BYTES;

	private static final int MAX_TOKEN_CHARS = 256;

	private final LinkKeys keys;

	private final AccessSettings settings;

	private final LinkEpochs epochs;

	private final Clock clock;

	private final String baseUrl;

	SignedLinks(LinkKeys keys, AccessSettings settings, LinkEpochs epochs, Clock clock,
			@Value("${gateway.public-base-url}") String baseUrl) {
		this.keys = keys;
		this.settings = settings;
		this.epochs = epochs;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The absolute URL of the read-only view of a ticket, for one recipient. */
	public String ticketViewUrl(long ticketId, String recipient) {
		return url(LinkPurpose.VIEW_TICKET, ticketId, recipient);
	}

	/** The absolute URL of a link for that purpose, ticket and recipient, with the purpose's lifetime. */
	public String url(LinkPurpose purpose, long ticketId, String recipient) {
		return url(purpose, ticketId, 0, recipient);
	}

	/** As {@link #url(LinkPurpose, long, String)}, for one item (an attachment) of the ticket. */
	public String url(LinkPurpose purpose, long ticketId, long itemId, String recipient) {
		return url(purpose, ticketId, itemId, recipient, this.settings.lifetime(purpose));
	}

	/**
	 * The view link of a ticket as a page lists it ("my cases", the portal's list, a decision page): valid
	 * for this visit only ({@code gateway.access.listed-link-lifetime}), so that a page opened once does
	 * not hand out links that outlive the link it was opened with.
	 */
	public String listedViewUrl(long ticketId, String recipient) {
		return url(LinkPurpose.VIEW_TICKET, ticketId, 0, recipient, this.settings.listedLinkLifetime());
	}

	private String url(LinkPurpose purpose, long ticketId, long itemId, String recipient, Duration lifetime) {
		if (purpose.path() == null) {
			throw new IllegalArgumentException(purpose + " links are built by their own module");
		}
		return this.baseUrl + purpose.path() + issue(purpose, ticketId, itemId, recipient, lifetime);
	}

	public String issue(LinkPurpose purpose, long ticketId, String recipient, Duration lifetime) {
		return issue(purpose, ticketId, 0, recipient, lifetime);
	}

	public String issue(LinkPurpose purpose, long ticketId, long itemId, String recipient, Duration lifetime) {
		if (!purpose.isSignedLink()) {
			throw new IllegalArgumentException(purpose + " is a reply address, see ReplyAddresses");
		}
		String keyId = this.keys.activeId();
		byte[] key = this.keys.active();
		byte[] kid = keyId.getBytes(StandardCharsets.US_ASCII);
		long expires = this.clock.instant().plus(lifetime).getEpochSecond();
		ByteBuffer payload = ByteBuffer.allocate(3 + kid.length + FIELD_BYTES);
		payload.put(VERSION).put((byte) purpose.code()).put((byte) kid.length).put(kid);
		payload.putLong(ticketId).putLong(itemId).putLong(expires);
		LinkEpochs.Pair epochs = purpose.namesTicket() ? this.epochs.of(ticketId, recipient)
				: new LinkEpochs.Pair(0, this.epochs.ofRecipient(recipient));
		payload.putInt(epochs.ticket()).putInt(epochs.recipient());
		payload.put(recipientTag(key, recipient));
		byte[] body = payload.array();
		byte[] token = Arrays.copyOf(body, body.length + MAC_BYTES);
		System.arraycopy(HmacSha256.of(key, body), 0, token, body.length, MAC_BYTES);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
	}

	/** The token on its own: signature, purpose, expiry. Callers outside this module use {@link LinkManagement#open}. */
	LinkVerification verify(String token, LinkPurpose expected) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
			return new LinkVerification.Invalid("length");
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException ex) {
			return new LinkVerification.Invalid("encoding");
		}
		if (bytes.length < 3 || bytes[0] != VERSION) {
			return new LinkVerification.Invalid("version");
		}
		int kidLength = bytes[2] & 0xff;
		int bodyLength = 3 + kidLength + FIELD_BYTES;
		if (kidLength == 0 || bytes.length != bodyLength + MAC_BYTES) {
			return new LinkVerification.Invalid("length");
		}
		String keyId = new String(bytes, 3, kidLength, StandardCharsets.US_ASCII);
		byte[] key = this.keys.byId(keyId);
		if (key == null) {
			return new LinkVerification.Invalid("unknown key");
		}
		byte[] body = Arrays.copyOf(bytes, bodyLength);
		byte[] mac = Arrays.copyOfRange(bytes, bodyLength, bytes.length);
		// constant time: how much of a forged MAC matched must not show in the response time
		if (!MessageDigest.isEqual(HmacSha256.of(key, body), mac)) {
			return new LinkVerification.Invalid("signature");
		}
		ByteBuffer fields = ByteBuffer.wrap(body, 3 + kidLength, FIELD_BYTES);
		LinkPurpose purpose = LinkPurpose.ofCode(bytes[1]);
		long ticketId = fields.getLong();
		long itemId = fields.getLong();
		Instant expires = Instant.ofEpochSecond(fields.getLong());
		int ticketEpoch = fields.getInt();
		int recipientEpoch = fields.getInt();
		byte[] tag = new byte[TAG_BYTES];
		fields.get(tag);
		if (purpose != expected) {
			return new LinkVerification.Invalid("purpose");
		}
		if (!this.clock.instant().isBefore(expires)) {
			return new LinkVerification.Expired(ticketId, expires);
		}
		return new LinkVerification.Valid(purpose, ticketId, itemId, expires, keyId, tag, ticketEpoch, recipientEpoch);
	}

	/** Was this verified link issued to that address? Compared in constant time. */
	boolean isIssuedTo(LinkVerification.Valid link, String address) {
		byte[] key = this.keys.byId(link.keyId());
		return key != null && address != null && MessageDigest.isEqual(recipientTag(key, address), link.recipientTag());
	}

	private static byte[] recipientTag(byte[] key, String recipient) {
		String normalised = recipient.strip().toLowerCase(Locale.ROOT);
		return Arrays.copyOf(HmacSha256.of(key, ("recipient:" + normalised).getBytes(StandardCharsets.UTF_8)), TAG_BYTES);
	}

}
