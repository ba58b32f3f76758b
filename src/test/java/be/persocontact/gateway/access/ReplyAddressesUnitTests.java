package be.persocontact.gateway.access;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyAddressesUnitTests {

	private static final String HELPDESK = "helpdesk@persocontact.local";

	private static final String KEY_1 = Base64.getEncoder().encodeToString("k1-secret-0123456789abcdefghijklmno".getBytes(StandardCharsets.UTF_8));

	private static final String KEY_2 = Base64.getEncoder().encodeToString("k2-secret-0123456789abcdefghijklmno".getBytes(StandardCharsets.UTF_8));

	private final ReplyAddresses addresses = replyAddresses(KEY_1, "k1", Map.of());

	@Test
	void aReplyAddressNamesItsTicketForTheRecipientItWasIssuedTo() {
		String address = this.addresses.replyAddress(HELPDESK, 1167, "Anna@Example.org");

		assertThat(address).matches("helpdesk\\+[a-z2-7]{39}@persocontact\\.local");
		assertThat(address.substring(0, address.indexOf('@'))).hasSizeLessThanOrEqualTo(64);
		assertThat(this.addresses.ticketOf(address, HELPDESK, "anna@example.org")).contains(1167L);
		assertThat(this.addresses.ticketOf(address.toUpperCase(), HELPDESK, "ANNA@example.org")).contains(1167L);
	}

	@Test
	void aQueueReplyAddressNamesTicketAndQueueUntilItsDayAndNothingElse() {
		java.time.LocalDate until = java.time.LocalDate.of(2027, 2, 27);
		java.util.List<String> queues = java.util.List.of("attestations", "salary");
		String address = this.addresses.queueReplyAddress(HELPDESK, 1167, "salary", until);

		assertThat(address).matches("helpdesk\\+[a-z2-7]{42}@persocontact\\.local");
		ReplyAddresses.QueueToken valid = this.addresses.queueTokenOf(address.toUpperCase(), HELPDESK, queues,
				until);
		assertThat(valid.kind()).isEqualTo(ReplyAddresses.QueueToken.Kind.VALID);
		assertThat(valid.ticketId()).isEqualTo(1167);
		assertThat(valid.queue()).isEqualTo("salary");
		assertThat(this.addresses.queueTokenOf(address, HELPDESK, queues, until.plusDays(1)).kind())
			.isEqualTo(ReplyAddresses.QueueToken.Kind.EXPIRED);
		// a token for a queue that is no longer configured, or signed with another key, verifies for none
		assertThat(this.addresses.queueTokenOf(address, HELPDESK, java.util.List.of("attestations"), until).kind())
			.isEqualTo(ReplyAddresses.QueueToken.Kind.FORGED);
		assertThat(replyAddresses(KEY_2, "k2", Map.of()).queueTokenOf(address, HELPDESK, queues, until).kind())
			.isEqualTo(ReplyAddresses.QueueToken.Kind.FORGED);
		// the two kinds of reply address never pass for each other
		String requesters = this.addresses.replyAddress(HELPDESK, 1167, "anna@example.org");
		assertThat(this.addresses.queueTokenOf(requesters, HELPDESK, queues, until).kind())
			.isEqualTo(ReplyAddresses.QueueToken.Kind.NONE);
		assertThat(this.addresses.ticketOf(address, HELPDESK, "anna@example.org")).isEmpty();
		assertThat(this.addresses.queueTokenOf(HELPDESK, HELPDESK, queues, until).kind())
			.isEqualTo(ReplyAddresses.QueueToken.Kind.NONE);
	}

	@Test
	void anotherSenderATamperedTokenOrAnotherMailboxFindNothing() {
		String address = this.addresses.replyAddress(HELPDESK, 1167, "anna@example.org");
		assertThat(this.addresses.ticketOf(address, HELPDESK, "mallory@example.org")).isEmpty();

		int at = address.indexOf('@');
		char last = address.charAt(at - 1);
		String tampered = address.substring(0, at - 1) + (last == 'a' ? 'b' : 'a') + address.substring(at);
		assertThat(this.addresses.ticketOf(tampered, HELPDESK, "anna@example.org")).isEmpty();
		assertThat(this.addresses.ticketOf(address.replace("persocontact.local", "evil.example"), HELPDESK,
				"anna@example.org")).isEmpty();
		assertThat(this.addresses.ticketOf("helpdesk+@persocontact.local", HELPDESK, "anna@example.org")).isEmpty();
		assertThat(this.addresses.ticketOf(HELPDESK, HELPDESK, "anna@example.org")).isEmpty();
	}

	@Test
	void anAddressIssuedBeforeAKeyRotationStillWorks() {
		String old = this.addresses.replyAddress(HELPDESK, 42, "anna@example.org");
		ReplyAddresses rotated = replyAddresses(KEY_2, "k2", Map.of("k1", KEY_1));
		assertThat(rotated.ticketOf(old, HELPDESK, "anna@example.org")).contains(42L);
		assertThat(replyAddresses(KEY_2, "k2", Map.of()).ticketOf(old, HELPDESK, "anna@example.org")).isEmpty();
	}

	@Test
	void anAddressCarriesTheEpochsOfItsTicketAndRecipientOrQueueAsTheyWereWhenItWasWritten() {
		Map<String, Integer> epochs = new HashMap<>(Map.of("ticket:1167", 2, "anna@example.org", 5, "queue:salary", 9));
		ReplyAddresses addresses = replyAddresses(KEY_1, "k1", Map.of(), epochs);
		String requesters = addresses.replyAddress(HELPDESK, 1167, "Anna@Example.org");
		LocalDate until = LocalDate.of(2027, 2, 27);
		String officers = addresses.queueReplyAddress(HELPDESK, 1167, "salary", until);
		epochs.replaceAll((key, epoch) -> epoch + 1); // bumped later: the addresses keep what they were signed with

		assertThat(addresses.requesterTokenOf(requesters, HELPDESK, "anna@example.org")).hasValueSatisfying(token -> {
			assertThat(token.kind()).isEqualTo(ReplyAddresses.RequesterToken.Kind.AUTHENTIC);
			assertThat(token.ticketEpoch()).isEqualTo(2);
			assertThat(token.recipientEpoch()).isEqualTo(5);
		});
		ReplyAddresses.QueueToken queueToken = addresses.queueTokenOf(officers, HELPDESK, List.of("salary"), until);
		assertThat(queueToken.ticketEpoch()).isEqualTo(2);
		assertThat(queueToken.queueEpoch()).isEqualTo(9);
	}

	@Test
	void anAddressWrittenBeforeEpochsExistedStillNamesItsTicketAsIssuedAtEpochZero() {
		String legacy = legacyRequesterAddress(1167, "anna@example.org");

		assertThat(legacy).matches("helpdesk\\+[a-z2-7]{32}@persocontact\\.local");
		assertThat(this.addresses.requesterTokenOf(legacy, HELPDESK, "anna@example.org")).hasValueSatisfying(token -> {
			assertThat(token.kind()).isEqualTo(ReplyAddresses.RequesterToken.Kind.AUTHENTIC);
			assertThat(token.ticketId()).isEqualTo(1167);
			assertThat(token.ticketEpoch()).isZero();
			assertThat(token.recipientEpoch()).isZero();
		});
		assertThat(this.addresses.ticketOf(legacy, HELPDESK, "mallory@example.org")).isEmpty();
	}

	@Test
	void anAddressSpelledOtherwiseThanWeWroteItIsNotOurs() {
		String address = this.addresses.replyAddress(HELPDESK, 1167, "anna@example.org");
		int at = address.indexOf('@');
		// the last character of 39 carries 2 bits of the token and 3 of padding: set padding is another spelling
		char last = address.charAt(at - 1);
		String padded = address.substring(0, at - 1) + "abcdefghijklmnopqrstuvwxyz234567"
			.charAt("abcdefghijklmnopqrstuvwxyz234567".indexOf(last) ^ 1) + address.substring(at);

		assertThat(this.addresses.ticketOf(padded, HELPDESK, "anna@example.org")).isEmpty();
		assertThat(this.addresses.ticketOf(address.substring(0, at) + "a" + address.substring(at), HELPDESK,
				"anna@example.org")).isEmpty();
	}

	private static String legacyRequesterAddress(long ticketId, String recipient) {
		byte[] key = Base64.getDecoder().decode(KEY_1);
		java.nio.ByteBuffer body = java.nio.ByteBuffer.allocate(10);
		body.putInt((int) ticketId);
		body.put(HmacSha256.of(key, ("reply-recipient:" + recipient).getBytes(StandardCharsets.UTF_8)), 0, 6);
		byte[] prefixed = ("reply:" + new String(body.array(), StandardCharsets.ISO_8859_1))
			.getBytes(StandardCharsets.ISO_8859_1);
		byte[] token = java.util.Arrays.copyOf(body.array(), 20);
		System.arraycopy(HmacSha256.of(key, prefixed), 0, token, 10, 10);
		StringBuilder out = new StringBuilder();
		for (int bit = 0; bit < token.length * 8; bit += 5) {
			int value = 0;
			for (int i = 0; i < 5; i++) {
				int index = bit + i;
				value = (value << 1) | ((token[index / 8] >> (7 - index % 8)) & 1);
			}
			out.append("abcdefghijklmnopqrstuvwxyz234567".charAt(value));
		}
		return "helpdesk+" + out + "@persocontact.local";
	}

	private static ReplyAddresses replyAddresses(String secret, String id, Map<String, String> previous) {
		return replyAddresses(secret, id, previous, Map.of());
	}

	private static ReplyAddresses replyAddresses(String secret, String id, Map<String, String> previous,
			Map<String, Integer> epochs) {
		LinkEpochs current = new LinkEpochs() {
			@Override
			public int ofTicket(long ticketId) {
				return epochs.getOrDefault("ticket:" + ticketId, 0);
			}

			@Override
			public int ofRecipient(String address) {
				return epochs.getOrDefault(address.toLowerCase(Locale.ROOT), 0);
			}
		};
		return new ReplyAddresses(new LinkKeys(new AccessSettings(secret, "unused", id, previous, Duration.ofDays(1),
				Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1), Duration.ofHours(1), Duration.ZERO)),
				current);
	}

}
