package be.persocontact.gateway.access;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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

		assertThat(address).matches("helpdesk\\+[a-z2-7]{32}@persocontact\\.local");
		assertThat(address.substring(0, address.indexOf('@'))).hasSizeLessThanOrEqualTo(64);
		assertThat(this.addresses.ticketOf(address, HELPDESK, "anna@example.org")).contains(1167L);
		assertThat(this.addresses.ticketOf(address.toUpperCase(), HELPDESK, "ANNA@example.org")).contains(1167L);
	}

	@Test
	void aQueueReplyAddressNamesTicketAndQueueUntilItsDayAndNothingElse() {
		java.time.LocalDate until = java.time.LocalDate.of(2027, 2, 27);
		java.util.List<String> queues = java.util.List.of("attestations", "salary");
		String address = this.addresses.queueReplyAddress(HELPDESK, 1167, "salary", until);

		assertThat(address).matches("helpdesk\\+[a-z2-7]{36}@persocontact\\.local");
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

	private static ReplyAddresses replyAddresses(String secret, String id, Map<String, String> previous) {
		return new ReplyAddresses(new LinkKeys(new AccessSettings(secret, "unused", id, previous, Duration.ofDays(1), Duration.ofDays(1),
				Duration.ofDays(1), Duration.ofDays(1))));
	}

}
