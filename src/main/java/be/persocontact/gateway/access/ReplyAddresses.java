package be.persocontact.gateway.access;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Signed reply addresses ({@code helpdesk+<token>@domain}, RFC 5233 sub-addressing): the token binds a
 * ticket to the recipient we wrote to, with the revocation epochs of both as they were when the mail
 * was built. It is short (39 base32 characters, so that the local part stays within the 64 octets of
 * RFC 5321 for a helpdesk local part of up to 24) and case-insensitive (servers may fold the case of a
 * local part). It has no expiry: a reply may come months later; a closed ticket opens a linked new one.
 * An operator withdraws it by bumping an epoch ({@link LinkManagement}).
 * <p>
 * Addresses issued before epochs existed (32 characters for a requester, 36 for a queue) still verify,
 * as issued at epoch 0: the first revocation of their ticket, recipient or queue shuts them too.
 * Verifying is for {@link LinkManagement}, which adds the revocation check and the access log.
 */
@Service
public class ReplyAddresses {

	private static final int TAG_BYTES = 6;

	private static final int MAC_BYTES = 10;

	/** Days since the epoch on which an officer's reply address stops working (two bytes: until 2149). */
	private static final int EXPIRY_BYTES = 2;

	/** A revocation epoch, as two bytes; an epoch beyond is written as the largest, which is then always shut. */
	private static final int EPOCH_BYTES = 2;

	private static final int REQUESTER_V1 = 4 + TAG_BYTES + MAC_BYTES;

	private static final int REQUESTER_V2 = 4 + 2 * EPOCH_BYTES + TAG_BYTES + MAC_BYTES;

	private static final int QUEUE_V1 = 4 + EXPIRY_BYTES + TAG_BYTES + MAC_BYTES;

	private static final int QUEUE_V2 = 4 + EXPIRY_BYTES + 2 * EPOCH_BYTES + TAG_BYTES + MAC_BYTES;

	/** The recipient whose epoch covers a queue's reply addresses and officer views (as {@code Ticket.queueAudience}). */
	static final String QUEUE_AUDIENCE_PREFIX = "queue:";

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

	private final LinkKeys keys;

	private final LinkEpochs epochs;

	ReplyAddresses(LinkKeys keys, LinkEpochs epochs) {
		this.keys = keys;
		this.epochs = epochs;
	}

	/** The reply address for mail about this ticket to this recipient, on the helpdesk's own address. */
	public String replyAddress(String helpdeskAddress, long ticketId, String recipient) {
		int at = helpdeskAddress.indexOf('@');
		LinkEpochs.Pair epochs = this.epochs.of(ticketId, recipient);
		byte[] raw = raw(ticketId, epochs.ticket(), epochs.recipient(), recipient, this.keys.active());
		return helpdeskAddress.substring(0, at) + "+" + encode(raw) + helpdeskAddress.substring(at);
	}

	/**
	 * The ticket and epochs a reply address was issued with, if the token in it is ours and was issued to
	 * that sender; empty for an address that is not a requester's reply address at all.
	 */
	Optional<RequesterToken> requesterTokenOf(String address, String helpdeskAddress, String sender) {
		if (sender == null) {
			return Optional.empty();
		}
		byte[] bytes = tokenBytes(address, helpdeskAddress);
		if (bytes == null || (bytes.length != REQUESTER_V1 && bytes.length != REQUESTER_V2)) {
			return Optional.empty();
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		long ticketId = buffer.getInt() & 0xffffffffL;
		int ticketEpoch = bytes.length == REQUESTER_V2 ? buffer.getShort() & 0xffff : 0;
		int recipientEpoch = bytes.length == REQUESTER_V2 ? buffer.getShort() & 0xffff : 0;
		for (byte[] key : this.keys.all()) {
			byte[] expected = bytes.length == REQUESTER_V2 ? raw(ticketId, ticketEpoch, recipientEpoch, sender, key)
					: rawV1(ticketId, sender, key);
			if (MessageDigest.isEqual(bytes, expected)) {
				return Optional.of(new RequesterToken(RequesterToken.Kind.AUTHENTIC, ticketId, ticketEpoch, recipientEpoch));
			}
		}
		return Optional.of(new RequesterToken(RequesterToken.Kind.FORGED, ticketId, 0, 0));
	}

	/** The ticket a reply address was issued for, if the token in it is ours and was issued to that sender. */
	Optional<Long> ticketOf(String address, String helpdeskAddress, String sender) {
		return requesterTokenOf(address, helpdeskAddress, sender)
			.filter(token -> token.kind() == RequesterToken.Kind.AUTHENTIC)
			.map(RequesterToken::ticketId);
	}

	/**
	 * What a requester's reply address says: authentic for that sender (with the epochs it was issued
	 * at), or shaped like one but not ours for that sender (another sender, tampered, an unknown key).
	 */
	record RequesterToken(Kind kind, long ticketId, int ticketEpoch, int recipientEpoch) {

		enum Kind {

			AUTHENTIC, FORGED

		}

	}

	/**
	 * The reply address for a mail to the officers of a queue about a ticket: bound to the ticket and the
	 * queue (any officer of it may answer, whoever the mail went to), valid until the given day, with the
	 * revocation epochs of the ticket and the queue. It is longer than a requester's (42 characters), so
	 * the two kinds never pass for each other.
	 */
	public String queueReplyAddress(String helpdeskAddress, long ticketId, String queue, LocalDate validUntil) {
		int at = helpdeskAddress.indexOf('@');
		LinkEpochs.Pair epochs = this.epochs.of(ticketId, QUEUE_AUDIENCE_PREFIX + queue);
		byte[] raw = queueRaw(ticketId, validUntil, epochs.ticket(), epochs.recipient(), queue, this.keys.active());
		return helpdeskAddress.substring(0, at) + "+" + encode(raw) + helpdeskAddress.substring(at);
	}

	/**
	 * Reads an officer's reply address: which ticket and queue it was issued for, and whether it is
	 * still valid on that day. An address that is not on the helpdesk's address, or does not carry a
	 * queue token, is {@link QueueToken.Kind#NONE}; a token that verifies for none of the queues is
	 * {@link QueueToken.Kind#FORGED}. Whether it was withdrawn is {@link LinkManagement}'s question.
	 */
	QueueToken queueTokenOf(String address, String helpdeskAddress, Collection<String> queues, LocalDate today) {
		byte[] bytes = tokenBytes(address, helpdeskAddress);
		if (bytes == null || (bytes.length != QUEUE_V1 && bytes.length != QUEUE_V2)) {
			return QueueToken.NONE;
		}
		boolean v2 = bytes.length == QUEUE_V2;
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		long ticketId = buffer.getInt() & 0xffffffffL;
		LocalDate validUntil = LocalDate.ofEpochDay(buffer.getShort() & 0xffff);
		int ticketEpoch = v2 ? buffer.getShort() & 0xffff : 0;
		int queueEpoch = v2 ? buffer.getShort() & 0xffff : 0;
		for (byte[] key : this.keys.all()) {
			for (String queue : queues) {
				byte[] expected = v2 ? queueRaw(ticketId, validUntil, ticketEpoch, queueEpoch, queue, key)
						: queueRawV1(ticketId, validUntil, queue, key);
				if (MessageDigest.isEqual(bytes, expected)) {
					return new QueueToken(today.isAfter(validUntil) ? QueueToken.Kind.EXPIRED : QueueToken.Kind.VALID,
							ticketId, queue, validUntil, ticketEpoch, queueEpoch);
				}
			}
		}
		return new QueueToken(QueueToken.Kind.FORGED, ticketId, null, validUntil, 0, 0);
	}

	/**
	 * What an officer's reply address says. {@code queue} is null unless it verified; the epochs are those
	 * of the ticket and the queue when it was issued.
	 */
	public record QueueToken(Kind kind, long ticketId, String queue, LocalDate validUntil, int ticketEpoch,
			int queueEpoch) {

		static final QueueToken NONE = new QueueToken(Kind.NONE, 0, null, null, 0, 0);

		/** No recipient carried a queue token. */
		public static final QueueToken NONE_FOUND = NONE;

		/** The same token, now known to have been withdrawn by an operator. */
		QueueToken revoked() {
			return new QueueToken(Kind.REVOKED, this.ticketId, this.queue, this.validUntil, this.ticketEpoch,
					this.queueEpoch);
		}

		/** In the order of how much a token says: the most telling of a mail's recipients is the one reported. */
		public enum Kind {

			/** Not a queue token at all (the helpdesk address, a requester's reply address, another address). */
			NONE,
			/** Shaped like one, but not signed by us for any queue: forged or mangled. */
			FORGED,
			/** Ours, but past its day. */
			EXPIRED,
			/** Ours and unexpired, but an operator withdrew the links of its ticket or its queue since. */
			REVOKED,
			VALID

		}

	}

	private static byte[] queueRaw(long ticketId, LocalDate validUntil, int ticketEpoch, int queueEpoch, String queue,
			byte[] key) {
		ByteBuffer body = ByteBuffer.allocate(QUEUE_V2 - MAC_BYTES);
		body.putInt((int) ticketId);
		body.putShort((short) Math.min(validUntil.toEpochDay(), 0xffff));
		body.putShort(epoch(ticketEpoch)).putShort(epoch(queueEpoch));
		body.put(HmacSha256.of(key, ("reply-queue:" + queue).getBytes(StandardCharsets.UTF_8)), 0, TAG_BYTES);
		return signed(body.array(), "reply-queue-2:", key);
	}

	private static byte[] queueRawV1(long ticketId, LocalDate validUntil, String queue, byte[] key) {
		ByteBuffer body = ByteBuffer.allocate(QUEUE_V1 - MAC_BYTES);
		body.putInt((int) ticketId);
		body.putShort((short) Math.min(validUntil.toEpochDay(), 0xffff));
		body.put(HmacSha256.of(key, ("reply-queue:" + queue).getBytes(StandardCharsets.UTF_8)), 0, TAG_BYTES);
		return signed(body.array(), "reply-queue:", key);
	}

	private static byte[] raw(long ticketId, int ticketEpoch, int recipientEpoch, String recipient, byte[] key) {
		ByteBuffer body = ByteBuffer.allocate(REQUESTER_V2 - MAC_BYTES);
		body.putInt((int) ticketId);
		body.putShort(epoch(ticketEpoch)).putShort(epoch(recipientEpoch));
		body.put(recipientTag(recipient, key), 0, TAG_BYTES);
		return signed(body.array(), "reply-2:", key);
	}

	private static byte[] rawV1(long ticketId, String recipient, byte[] key) {
		ByteBuffer body = ByteBuffer.allocate(REQUESTER_V1 - MAC_BYTES);
		body.putInt((int) ticketId);
		body.put(recipientTag(recipient, key), 0, TAG_BYTES);
		return signed(body.array(), "reply:", key);
	}

	private static byte[] recipientTag(String recipient, byte[] key) {
		return HmacSha256.of(key, ("reply-recipient:" + recipient.strip().toLowerCase(Locale.ROOT))
			.getBytes(StandardCharsets.UTF_8));
	}

	/** The body followed by the first bytes of its MAC; the prefix keeps each format's MACs apart. */
	private static byte[] signed(byte[] body, String prefix, byte[] key) {
		byte[] signed = Arrays.copyOf(body, body.length + MAC_BYTES);
		byte[] mac = HmacSha256.of(key, prefixed(prefix, body));
		System.arraycopy(mac, 0, signed, body.length, MAC_BYTES);
		return signed;
	}

	private static short epoch(int epoch) {
		return (short) Math.min(Math.max(epoch, 0), 0xffff);
	}

	/** The decoded token of a sub-address on the helpdesk's address, or null. */
	private static byte[] tokenBytes(String address, String helpdeskAddress) {
		if (address == null) {
			return null;
		}
		String lower = address.strip().toLowerCase(Locale.ROOT);
		String helpdesk = helpdeskAddress.toLowerCase(Locale.ROOT);
		int at = helpdesk.indexOf('@');
		String prefix = helpdesk.substring(0, at) + "+";
		if (!lower.startsWith(prefix) || !lower.endsWith(helpdesk.substring(at))
				|| lower.length() <= prefix.length() + helpdesk.length() - at) {
			return null;
		}
		return decode(lower.substring(prefix.length(), lower.length() - (helpdesk.length() - at)));
	}

	private static byte[] prefixed(String prefix, byte[] data) {
		byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
		byte[] all = Arrays.copyOf(p, p.length + data.length);
		System.arraycopy(data, 0, all, p.length, data.length);
		return all;
	}

	private static String encode(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	private static byte[] decode(String text) {
		if (text.isEmpty() || text.length() > 64) {
			return null;
		}
		ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			int value = ALPHABET.indexOf(c);
			if (value < 0) {
				return null;
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		// only the one spelling we write: a spare character or set padding bits would make a second
		// address for the same token, which a filter or a revocation list would not recognise
		if (bits >= 5 || (buffer & ((1 << bits) - 1)) != 0) {
			return null;
		}
		return out.array();
	}

}
