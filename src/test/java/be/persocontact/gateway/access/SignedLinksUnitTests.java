package be.persocontact.gateway.access;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedLinksUnitTests {

	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

	private static final String KEY_1 = Base64.getEncoder().encodeToString("k1-secret-0123456789abcdefghijklmno".getBytes(StandardCharsets.UTF_8));

	private static final String KEY_2 = Base64.getEncoder().encodeToString("k2-secret-0123456789abcdefghijklmno".getBytes(StandardCharsets.UTF_8));

	@Test
	void aLinkVerifiesForItsTicketPurposeAndRecipient() {
		SignedLinks links = links(KEY_1, "k1", Map.of(), NOW);
		String token = links.issue(LinkPurpose.VIEW_TICKET, 42, "Anna@Example.org", Duration.ofDays(1));

		LinkVerification result = links.verify(token, LinkPurpose.VIEW_TICKET);

		assertThat(result).isInstanceOf(LinkVerification.Valid.class);
		LinkVerification.Valid valid = (LinkVerification.Valid) result;
		assertThat(valid.ticketId()).isEqualTo(42);
		assertThat(links.isIssuedTo(valid, "anna@example.org")).isTrue();
		assertThat(links.isIssuedTo(valid, "mallory@example.org")).isFalse();
		assertThat(token).doesNotContain("anna").matches("[A-Za-z0-9_-]+");
	}

	@Test
	void everyFlippedCharacterIsRefused() {
		SignedLinks links = links(KEY_1, "k1", Map.of(), NOW);
		String token = links.issue(LinkPurpose.VIEW_TICKET, 42, "anna@example.org", Duration.ofDays(1));

		for (int i = 0; i < token.length(); i++) {
			char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
			String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
			LinkVerification result = links.verify(tampered, LinkPurpose.VIEW_TICKET);
			assertThat(result).as("position %d", i).isNotInstanceOf(LinkVerification.Valid.class);
		}
		assertThat(links.verify(token + "A", LinkPurpose.VIEW_TICKET)).isInstanceOf(LinkVerification.Invalid.class);
		assertThat(links.verify("not a token!", LinkPurpose.VIEW_TICKET)).isInstanceOf(LinkVerification.Invalid.class);
		assertThat(links.verify("", LinkPurpose.VIEW_TICKET)).isInstanceOf(LinkVerification.Invalid.class);
	}

	@Test
	void anExpiredLinkIsRecognisedAsExpired() {
		String token = links(KEY_1, "k1", Map.of(), NOW).issue(LinkPurpose.VIEW_TICKET, 42, "anna@example.org",
				Duration.ofHours(1));

		SignedLinks later = links(KEY_1, "k1", Map.of(), NOW.plus(Duration.ofHours(1)));

		assertThat(later.verify(token, LinkPurpose.VIEW_TICKET)).isInstanceOf(LinkVerification.Expired.class);
	}

	@Test
	void aLinkSignedWithAnotherSecretIsRefused() {
		String token = links(KEY_2, "k1", Map.of(), NOW).issue(LinkPurpose.VIEW_TICKET, 42, "anna@example.org",
				Duration.ofDays(1));

		assertThat(links(KEY_1, "k1", Map.of(), NOW).verify(token, LinkPurpose.VIEW_TICKET))
			.isInstanceOf(LinkVerification.Invalid.class);
	}

	@Test
	void anOldKeyStillVerifiesAfterRotationUntilItIsRemoved() {
		String oldToken = links(KEY_1, "k1", Map.of(), NOW).issue(LinkPurpose.VIEW_TICKET, 42, "anna@example.org",
				Duration.ofDays(1));

		SignedLinks rotated = links(KEY_2, "k2", Map.of("k1", KEY_1), NOW);
		assertThat(rotated.verify(oldToken, LinkPurpose.VIEW_TICKET)).isInstanceOf(LinkVerification.Valid.class);
		assertThat(rotated.verify(rotated.issue(LinkPurpose.VIEW_TICKET, 42, "anna@example.org", Duration.ofDays(1)),
				LinkPurpose.VIEW_TICKET)).isInstanceOf(LinkVerification.Valid.class);

		SignedLinks removed = links(KEY_2, "k2", Map.of(), NOW);
		assertThat(removed.verify(oldToken, LinkPurpose.VIEW_TICKET)).isInstanceOf(LinkVerification.Invalid.class);
	}

	@Test
	void aLinkForOnePurposeOpensNoOther() {
		SignedLinks links = links(KEY_1, "k1", Map.of(), NOW);
		String view = links.issue(LinkPurpose.VIEW_TICKET, 42, "anna@example.org", Duration.ofDays(1));

		for (LinkPurpose other : LinkPurpose.values()) {
			if (other != LinkPurpose.VIEW_TICKET && other.isSignedLink()) {
				assertThat(links.verify(view, other)).as(other.name()).isEqualTo(new LinkVerification.Invalid("purpose"));
			}
		}
	}

	@Test
	void aLinkCarriesTheRevocationEpochsOfItsTicketAndRecipientAtIssue() {
		Map<String, Integer> epochs = new HashMap<>(Map.of("ticket:42", 3, "anna@example.org", 7));
		SignedLinks links = links(KEY_1, "k1", Map.of(), NOW, epochs);
		String token = links.issue(LinkPurpose.ACCEPT_SOLUTION, 42, "Anna@Example.org", Duration.ofDays(1));
		epochs.put("ticket:42", 4); // bumped later: the token keeps what it was signed with

		LinkVerification.Valid valid = (LinkVerification.Valid) links.verify(token, LinkPurpose.ACCEPT_SOLUTION);

		assertThat(valid.ticketEpoch()).isEqualTo(3);
		assertThat(valid.recipientEpoch()).isEqualTo(7);
	}

	@Test
	void signaturesAndRecipientTagsAreComparedInConstantTimeOnly() {
		JavaClass signedLinks = new ClassFileImporter().importClasses(SignedLinks.class).get(SignedLinks.class);
		var calls = signedLinks.getMethodCallsFromSelf();

		assertThat(calls).filteredOn(call -> isCallTo(call, "java.security.MessageDigest", "isEqual"))
			.extracting(call -> call.getOrigin().getName())
			.contains("verify", "isIssuedTo");
		// the short-circuiting comparisons would leak, through timing, how much of a forged MAC matched
		assertThat(calls).noneMatch(call -> isCallTo(call, "java.util.Arrays", "equals")
				|| isCallTo(call, "java.lang.String", "equals") || isCallTo(call, "java.lang.Object", "equals")
				|| isCallTo(call, "java.nio.ByteBuffer", "equals"));
	}

	private static boolean isCallTo(JavaMethodCall call, String owner, String method) {
		return call.getTargetOwner().getName().equals(owner) && call.getName().equals(method);
	}

	@Test
	void aSecretTooShortToBeSafeStopsStartUp() {
		assertThatThrownBy(() -> links("c2hvcnQ=", "k1", Map.of(), NOW)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("at least 32 bytes");
	}

	private static SignedLinks links(String secret, String activeId, Map<String, String> previous, Instant now) {
		return links(secret, activeId, previous, now, Map.of());
	}

	private static SignedLinks links(String secret, String activeId, Map<String, String> previous, Instant now,
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
		AccessSettings settings = new AccessSettings(secret, "unused", activeId, previous, Duration.ofDays(90), Duration.ofDays(7),
				Duration.ofDays(1), Duration.ofDays(30), Duration.ofHours(1), Duration.ofMinutes(10));
		return new SignedLinks(new LinkKeys(settings), settings, current, Clock.fixed(now, ZoneOffset.UTC),
				"http://localhost:8080");
	}

}
