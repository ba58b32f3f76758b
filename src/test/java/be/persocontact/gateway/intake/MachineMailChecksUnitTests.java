package be.persocontact.gateway.intake;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The trust check that runs after the machine-mail table ({@link MachineMailUnitTests}). */
class MachineMailChecksUnitTests {

	private final IntakeSettings settings = new IntakeSettings(3, "helpdesk@persocontact.local", "nl", org.springframework.util.unit.DataSize.ofMegabytes(30), 20,
			java.time.Duration.ofHours(1), java.util.List.of("mx.persocontact.local"), 3, false, 30, 60);

	private final IsUnauthenticated isUnauthenticated = new IsUnauthenticated(
			new SenderAuthentication(this.settings, false, "mx.persocontact.local"));

	@Test
	void dmarcFailureCountsOnlyWhenOurTrustedServerSaysSo() throws Exception {
		IntakeCheck.Decision ours = this.isUnauthenticated.check(mail("From: ceo@example.org\r\n"
				+ "Authentication-Results: mx.persocontact.local; spf=fail smtp.mailfrom=example.org; dmarc=fail header.from=example.org\r\n"));
		assertThat(ours).isInstanceOf(IntakeCheck.Stop.class);
		assertThat(((IntakeCheck.Stop) ours).outcome()).isEqualTo(Outcome.QUARANTINED);
		assertThat(((IntakeCheck.Stop) ours).reason()).startsWith("UNAUTHENTICATED");

		assertThat(this.isUnauthenticated.check(mail("From: ceo@example.org\r\n"
				+ "Authentication-Results: evil.example; dmarc=fail\r\n"))).isEqualTo(IntakeCheck.Decision.CONTINUE);
		assertThat(this.isUnauthenticated.check(mail("From: ceo@example.org\r\n"
				+ "Authentication-Results: mx.persocontact.local; dkim=pass; dmarc=pass\r\n")))
			.isEqualTo(IntakeCheck.Decision.CONTINUE);
	}

	private static ParsedMail mail(String headers) throws Exception {
		String withSubject = headers.contains("Subject:") ? headers : headers + "Subject: test\r\n";
		return ParsedMail.parse((withSubject + "\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));
	}

}
