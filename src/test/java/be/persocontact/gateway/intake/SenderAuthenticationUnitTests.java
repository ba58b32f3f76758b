package be.persocontact.gateway.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SenderAuthenticationUnitTests {

	private static final String OURS = "mx.persocontact.local";

	private final SenderAuthentication trusting = new SenderAuthentication(settings(List.of(OURS), false), false,
			"imap.persocontact.local");

	@Test
	void anExternalMailServerWithoutTrustedServersRefusesToStartUnlessToldToTrustUnauthenticatedMail() {
		assertThatThrownBy(() -> new SenderAuthentication(settings(List.of(), false), false, "imap.example.org"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("GATEWAY_INTAKE_TRUSTED_AUTHSERV_IDS")
			.hasMessageContaining("GATEWAY_INTAKE_TRUST_UNAUTHENTICATED_MAIL=true");

		SenderAuthentication told = new SenderAuthentication(settings(List.of(), true), false, "imap.example.org");
		assertThat(told.judge(mail("From: an@persocontact.local\r\n")).mayAct()).isTrue();
		SenderAuthentication embedded = new SenderAuthentication(settings(List.of(), false), true, "127.0.0.1");
		assertThat(embedded.judge(mail("From: an@persocontact.local\r\n")).mayAct()).isTrue();
	}

	@Test
	void aDmarcPassOfOurServerForTheFromDomainProvesTheSender() {
		SenderAuthentication.Verdict verdict = this.trusting.judge(mail("Authentication-Results: " + OURS
				+ "; spf=pass smtp.mailfrom=persocontact.local; dmarc=pass header.from=PersoContact.local\r\n"
				+ "From: An Peeters <an.peeters@persocontact.local>\r\n"));

		assertThat(verdict.verified()).isTrue();
		assertThat(verdict.mayAct()).isTrue();
	}

	@Test
	void withoutOurServersResultsOrWithAPassOfAnotherServerNothingIsProven() {
		assertThat(this.trusting.judge(mail("From: an.peeters@persocontact.local\r\n")).reason())
			.startsWith("NO_TRUSTED_RESULTS");
		assertThat(this.trusting.judge(mail("Authentication-Results: mx.evil.example; dmarc=pass "
				+ "header.from=persocontact.local\r\nFrom: an.peeters@persocontact.local\r\n")).mayAct()).isFalse();
	}

	@Test
	void onlyTheTopmostResultOfOurServerCountsNotAPassBelowIt() {
		// a forged header with our id below ours, which our server failed to strip
		SenderAuthentication.Verdict verdict = this.trusting.judge(mail("Authentication-Results: " + OURS
				+ "; dmarc=fail header.from=persocontact.local\r\n" + "Authentication-Results: " + OURS
				+ "; dmarc=pass header.from=persocontact.local\r\n" + "From: an.peeters@persocontact.local\r\n"));

		assertThat(verdict.mayAct()).isFalse();
		assertThat(verdict.reason()).isEqualTo("NO_DMARC_PASS: " + OURS + " says dmarc=fail");
	}

	@Test
	void aPassForAnotherDomainThanTheFromIsNoProofOfTheFrom() {
		SenderAuthentication.Verdict verdict = this.trusting.judge(mail("Authentication-Results: " + OURS
				+ "; dmarc=pass header.from=attacker.example\r\n" + "From: an.peeters@persocontact.local\r\n"));

		assertThat(verdict.mayAct()).isFalse();
		assertThat(verdict.reason()).startsWith("NOT_ALIGNED");
		assertThat(this.trusting.judge(mail("Authentication-Results: " + OURS + "; dmarc=pass\r\n"
				+ "From: an.peeters@persocontact.local\r\n")).mayAct()).isFalse();
	}

	@Test
	void severalAuthorsOrASenderOtherThanTheFromNeverAct() {
		String pass = "Authentication-Results: " + OURS + "; dmarc=pass header.from=persocontact.local\r\n";

		SenderAuthentication.Verdict several = this.trusting.judge(mail(pass
				+ "From: an.peeters@persocontact.local, luc.dubois@persocontact.local\r\n"));
		SenderAuthentication.Verdict sender = this.trusting.judge(mail(pass
				+ "From: an.peeters@persocontact.local\r\nSender: mallory@persocontact.local\r\n"));
		SenderAuthentication.Verdict sameSender = this.trusting.judge(mail(pass
				+ "From: an.peeters@persocontact.local\r\nSender: An.Peeters@persocontact.local\r\n"));

		assertThat(several.mayAct()).isFalse();
		assertThat(several.reason()).startsWith("SEVERAL_FROM");
		assertThat(sender.mayAct()).isFalse();
		assertThat(sender.reason()).startsWith("SENDER_DIFFERS");
		assertThat(sameSender.mayAct()).isTrue();
		// not even the embedded server's own trust lets several authors act
		SenderAuthentication embedded = new SenderAuthentication(settings(List.of(), false), true, "127.0.0.1");
		assertThat(embedded.judge(mail("From: a@persocontact.local, b@persocontact.local\r\n")).mayAct()).isFalse();
	}

	private static ParsedMail mail(String headers) {
		try {
			return ParsedMail.parse((headers + "Subject: test\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static IntakeSettings settings(List<String> trusted, boolean trustUnauthenticated) {
		return new IntakeSettings(3, "helpdesk@persocontact.local", "nl", DataSize.ofMegabytes(30), 20,
				Duration.ofHours(1), trusted, 3, trustUnauthenticated, 30, 60);
	}

}
