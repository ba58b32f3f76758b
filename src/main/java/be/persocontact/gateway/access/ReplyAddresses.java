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
 * ticket to the recipient we wrote to. It is short (32 base32 characters, so that the local part stays
 * within the 64 octets of RFC 5321) and case-insensitive (servers may fold the case of a local part).
 * It has no expiry: a reply may come months later; a closed ticket opens a linked new one.
 */
@Service
public class ReplyAddresses {

	private static final int TAG_BYTES = 6;

	private static final int MAC_BYTES = 10;

	/** Days since the epoch on which an officer's reply address stops working (two bytes: until 2149). */
	private static final int EXPIRY_BYTES = 2;

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

	private final LinkKeys keys;

	ReplyAddresses(LinkKeys keys) {
		this.keys = keys;
	}

	/** The reply address for mail about this ticket to this recipient, on the helpdesk's own address. */
	public String replyAddress(String helpdeskAddress, long ticketId, String recipient) {
		int at = helpdeskAddress.indexOf('@');
		return helpdeskAddress.substring(0, at) + "+" + token(ticketId, recipient, this.keys.active())
				+ helpdeskAddress.substring(at);
	}

	/** The ticket a reply address was issued for, if the token in it is ours and was issued to that sender. */
	public Optional<Long> ticketOf(String address, String helpdeskAddress, String sender) {
		if (address == null || sender == null) {
			return Optional.empty();
		}
		String lower = address.strip().toLowerCase(Locale.ROOT);
		String helpdesk = helpdeskAddress.toLowerCase(Locale.ROOT);
		int at = helpdesk.indexOf('@');
		String prefix = helpdesk.substring(0, at) + "+";
		if (!lower.startsWith(prefix) || !lower.endsWith(helpdesk.substring(at))) {
			return Optional.empty();
		}
		String token = lower.substring(prefix.length(), lower.length() - (helpdesk.length() - at));
		byte[] bytes = decode(token);
		if (bytes == null || bytes.length != 4 + TAG_BYTES + MAC_BYTES) {
			return Optional.empty();
		}
		long ticketId = ByteBuffer.wrap(bytes, 0, 4).getInt() & 0xffffffffL;
		for (byte[] key : this.keys.all()) {
			if (MessageDigest.isEqual(bytes, raw(ticketId, sender, key))) {
				return Optional.of(ticketId);
			}
		}
		return Optional.empty();
	}

	/**
	 * The reply address for a mail to the officers of a queue about a ticket: bound to the ticket and the
	 * queue (any officer of it may answer, whoever the mail went to), valid until the given day. It is
	 * longer than a requester's (36 characters), so the two kinds never pass for each other.
	 */
	public String queueReplyAddress(String helpdeskAddress, long ticketId, String queue, LocalDate validUntil) {
		int at = helpdeskAddress.indexOf('@');
		return helpdeskAddress.substring(0, at) + "+" + encode(queueRaw(ticketId, validUntil, queue, this.keys.active()))
				+ helpdeskAddress.substring(at);
	}

	/**
	 * Reads an officer's reply address: which ticket and queue it was issued for, and whether it is
	 * still valid on that day. An address that is not on the helpdesk's address, or does not carry a
	 * queue token, is {@link QueueToken.Kind#NONE}; a token that verifies for none of the queues is
	 * {@link QueueToken.Kind#FORGED}.
	 */
	public QueueToken queueTokenOf(String address, String helpdeskAddress, Collection<String> queues, LocalDate today) {
		byte[] bytes = tokenBytes(address, helpdeskAddress);
		if (bytes == null || bytes.length != 4 + EXPIRY_BYTES + TAG_BYTES + MAC_BYTES) {
			return QueueToken.NONE;
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		long ticketId = buffer.getInt() & 0xffffffffL;
		LocalDate validUntil = LocalDate.ofEpochDay(buffer.getShort() & 0xffff);
		for (byte[] key : this.keys.all()) {
			for (String queue : queues) {
				if (MessageDigest.isEqual(bytes, queueRaw(ticketId, validUntil, queue, key))) {
					return new QueueToken(today.isAfter(validUntil) ? QueueToken.Kind.EXPIRED : QueueToken.Kind.VALID,
							ticketId, queue, validUntil);
				}
			}
		}
		return new QueueToken(QueueToken.Kind.FORGED, ticketId, null, validUntil);
	}

	/** What an officer's reply address says. {@code queue} is null unless it verified. */
	public record QueueToken(Kind kind, long ticketId, String queue, LocalDate validUntil) {

		static final QueueToken NONE = new QueueToken(Kind.NONE, 0, null, null);

		/** No recipient carried a queue token. */
		public static final QueueToken NONE_FOUND = NONE;

		public enum Kind {

			/** Not a queue token at all (the helpdesk address, a requester's reply address, another address). */
			NONE,
			/** Shaped like one, but not signed by us for any queue: forged or mangled. */
			FORGED,
			/** Ours, but past its day. */
			EXPIRED,
			VALID

		}

	}

	private static byte[] queueRaw(long ticketId, LocalDate validUntil, String queue, byte[] key) {
		ByteBuffer body = ByteBuffer.allocate(4 + EXPIRY_BYTES + TAG_BYTES);
		body.putInt((int) ticketId);
		body.putShort((short) Math.min(validUntil.toEpochDay(), 0xffff));
		byte[] tag = HmacSha256.of(key, ("reply-queue:" + queue).getBytes(StandardCharsets.UTF_8));
		body.put(tag, 0, TAG_BYTES);
		byte[] signed = Arrays.copyOf(body.array(), body.capacity() + MAC_BYTES);
		byte[] mac = HmacSha256.of(key, prefixed("reply-queue:", body.array()));
		System.arraycopy(mac, 0, signed, body.capacity(), MAC_BYTES);
		return signed;
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

	private static String token(long ticketId, String recipient, byte[] key) {
		return encode(raw(ticketId, recipient, key));
	}

	private static byte[] raw(long ticketId, String recipient, byte[] key) {
		ByteBuffer body = ByteBuffer.allocate(4 + TAG_BYTES);
		body.putInt((int) ticketId);
		byte[] tag = HmacSha256.of(key, ("reply-recipient:" + recipient.strip().toLowerCase(Locale.ROOT))
			.getBytes(StandardCharsets.UTF_8));
		body.put(tag, 0, TAG_BYTES);
		byte[] signed = Arrays.copyOf(body.array(), 4 + TAG_BYTES + MAC_BYTES);
		byte[] mac = HmacSha256.of(key, prefixed("reply:", body.array()));
		System.arraycopy(mac, 0, signed, 4 + TAG_BYTES, MAC_BYTES);
		return signed;
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
		return out.array();
	}

}
