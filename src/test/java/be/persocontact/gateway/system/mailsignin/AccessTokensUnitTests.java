package be.persocontact.gateway.system.mailsignin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokensUnitTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));

	private final FakeSource source = new FakeSource();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	private AccessTokens tokens(Duration renewBefore) {
		return new AccessTokens("helpdesk@persocontact.local", this.source, renewBefore, this.clock, this.meters);
	}

	@BeforeEach
	void captureLog() {
		this.logged.start();
		((Logger) LoggerFactory.getLogger(AccessTokens.class)).addAppender(this.logged);
	}

	@AfterEach
	void releaseLog() {
		((Logger) LoggerFactory.getLogger(AccessTokens.class)).detachAppender(this.logged);
	}

	@Test
	void aTokenIsKeptUntilItIsDueAndRenewedFiveMinutesBeforeItExpires() throws Exception {
		AccessTokens tokens = tokens(Duration.ofMinutes(5));
		AccessToken first = tokens.current();
		this.clock.advance(Duration.ofMinutes(54));
		assertThat(tokens.current()).isSameAs(first);
		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		AccessToken second = tokens.current();
		assertThat(second).isNotSameAs(first);
		assertThat(first.isValidAt(this.clock.instant())).as("renewed before it expired").isTrue();
		assertThat(this.source.calls).isEqualTo(2);
		assertThat(this.meters.get("gateway.mail.oauth2.renewals").tag("outcome", "success").counter().count()).isEqualTo(2);
	}

	@Test
	void aShortLivedTokenIsRenewedAfterHalfItsLife() throws Exception {
		this.source.lifetime = Duration.ofSeconds(6);
		AccessTokens tokens = tokens(Duration.ofMinutes(5));
		AccessToken first = tokens.current();
		assertThat(tokens.nextRenewal()).isEqualTo(this.clock.instant().plusSeconds(3));
		this.clock.advance(Duration.ofMillis(2900));
		assertThat(tokens.current()).isSameAs(first);
		this.clock.advance(Duration.ofMillis(200));
		assertThat(tokens.current()).isNotSameAs(first);
	}

	@Test
	void aFailedRenewalKeepsTheValidTokenIsShownAsUnusableAndIsRetriedAfterAPause() throws Exception {
		AccessTokens tokens = tokens(Duration.ofMinutes(5));
		AccessToken first = tokens.current();
		assertThat(tokens.isUsable()).isTrue();
		this.clock.advance(Duration.ofMinutes(56));
		this.source.failing = true;
		assertThat(tokens.current()).as("still valid: it serves").isSameAs(first);
		assertThat(tokens.isUsable()).isFalse();
		assertThat(tokens.details().get("renewalFailed").toString()).contains("endpoint down");
		assertThat(this.meters.get("gateway.mail.oauth2.usable").gauge().value()).isZero();
		assertThat(this.meters.get("gateway.mail.oauth2.renewals").tag("outcome", "failure").counter().count()).isOne();
		tokens.current();
		assertThat(this.source.calls).as("no new request during the pause").isEqualTo(2);
		this.clock.advance(AccessTokens.FIRST_RETRY);
		this.source.failing = false;
		AccessToken second = tokens.current();
		assertThat(second).isNotSameAs(first);
		assertThat(tokens.isUsable()).isTrue();
		assertThat(this.meters.get("gateway.mail.oauth2.usable").gauge().value()).isOne();
	}

	@Test
	void withoutAValidTokenSignInFailsSayingWhyAndWhenItIsTriedAgain() {
		this.source.failing = true;
		AccessTokens tokens = tokens(Duration.ofMinutes(5));
		assertThatThrownBy(tokens::current).isInstanceOf(TokenRequestFailed.class)
			.hasMessageContaining("no access token for helpdesk@persocontact.local")
			.hasMessageContaining("fake provider")
			.hasMessageContaining("endpoint down")
			.hasMessageContaining("asked again from 2026-12-07T09:00:02Z");
		assertThat(tokens.isUsable()).isFalse();
	}

	@Test
	void aRefusedTokenIsRenewedOnceAndNotAgainUntilTheNewOneWasTaken() throws Exception {
		AccessTokens tokens = tokens(Duration.ofMinutes(5));
		AccessToken first = tokens.current();
		tokens.refused(first, "imap");
		assertThat(tokens.isUsable()).isFalse();
		AccessToken second = tokens.current();
		assertThat(second).isNotSameAs(first);
		tokens.refused(second, "imap");
		assertThat(tokens.current()).as("refused twice: no hammering of the provider").isSameAs(second);
		assertThat(this.source.calls).isEqualTo(2);
		tokens.accepted(second);
		assertThat(tokens.isUsable()).isTrue();
		tokens.refused(second, "smtp");
		assertThat(tokens.current()).as("taken since, so a new refusal is news").isNotSameAs(second);
		assertThat(this.source.calls).isEqualTo(3);
		assertThat(this.meters.get("gateway.mail.oauth2.refusals").tag("protocol", "imap").counter().count()).isEqualTo(2);
		assertThat(this.meters.get("gateway.mail.oauth2.refusals").tag("protocol", "smtp").counter().count()).isOne();
	}

	@Test
	void aRefusalOfAnOlderTokenLeavesTheCurrentOneAlone() throws Exception {
		AccessTokens tokens = tokens(Duration.ofMinutes(5));
		AccessToken first = tokens.current();
		this.clock.advance(Duration.ofMinutes(56));
		AccessToken second = tokens.current();
		tokens.refused(first, "smtp");
		assertThat(tokens.current()).isSameAs(second);
		assertThat(tokens.isUsable()).isTrue();
	}

	@Test
	void neitherTheTokenNorTheProvidersAnswerShowsInLogsHealthOrMessages() throws Exception {
		AccessTokens tokens = tokens(Duration.ofMinutes(5));
		AccessToken first = tokens.current();
		tokens.refused(first, "imap");
		this.source.failing = true;
		tokens.current();
		this.clock.advance(Duration.ofHours(2));
		assertThatThrownBy(tokens::current).satisfies(failed -> assertThat(failed.getMessage()).doesNotContain(first.value()));
		List<String> shown = new ArrayList<>();
		this.logged.list.forEach(event -> shown.add(event.getFormattedMessage()));
		shown.add(tokens.details().toString());
		shown.add(first.toString());
		assertThat(shown).hasSizeGreaterThan(3).allSatisfy(text -> assertThat(text).doesNotContain(first.value()));
	}

	private final class FakeSource implements TokenSource {

		int calls;

		boolean failing;

		Duration lifetime = Duration.ofHours(1);

		@Override
		public AccessToken fetch(String login) throws TokenRequestFailed {
			this.calls++;
			if (this.failing) {
				throw new TokenRequestFailed("endpoint down");
			}
			Instant now = AccessTokensUnitTests.this.clock.instant();
			return new AccessToken("eyJ.token-" + this.calls + "-secret-value", now, now.plus(this.lifetime));
		}

		@Override
		public String describe() {
			return "fake provider";
		}

	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
