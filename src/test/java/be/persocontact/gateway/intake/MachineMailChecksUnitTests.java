package be.persocontact.gateway.intake;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MachineMailChecksUnitTests {

	private final IntakeSettings settings = new IntakeSettings(3, "helpdesk@persocontact.local", "nl");

	private final IsAutoSubmitted isAutoSubmitted = new IsAutoSubmitted();

	private final IsOwnMail isOwnMail = new IsOwnMail(this.settings);

	@ParameterizedTest
	@ValueSource(strings = { "Auto-Submitted: auto-replied", "Auto-Submitted: auto-generated", "Precedence: bulk",
			"Precedence: auto_reply", "Precedence: list", "X-Autoreply: yes", "X-Autorespond: on" })
	void machineMailIsIgnoredAsAutoReply(String header) throws Exception {
		IntakeCheck.Decision decision = this.isAutoSubmitted.check(mail("From: a@example.org\r\n" + header + "\r\n"));

		assertThat(decision).isInstanceOf(IntakeCheck.Stop.class);
		assertThat(((IntakeCheck.Stop) decision).outcome()).isEqualTo(Outcome.IGNORED_AUTO_REPLY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Auto-Submitted: no", "Precedence: normal", "X-Mailer: Outlook" })
	void aPersonsMailGoesOn(String header) throws Exception {
		assertThat(this.isAutoSubmitted.check(mail("From: a@example.org\r\n" + header + "\r\n")))
			.isEqualTo(IntakeCheck.Decision.CONTINUE);
	}

	@Test
	void ourOwnMailComingBackIsIgnored() throws Exception {
		assertThat(this.isOwnMail.check(mail("From: PersoContact <HelpDesk@persocontact.local>\r\n")))
			.isInstanceOf(IntakeCheck.Stop.class);
		assertThat(this.isOwnMail.check(mail(
				"From: forwarder@example.org\r\nMessage-ID: <HRB0000001.acknowledgement.x@persocontact.local>\r\n")))
			.isInstanceOf(IntakeCheck.Stop.class);
		assertThat(this.isOwnMail.check(mail("From: anna@example.org\r\nMessage-ID: <a@example.org>\r\n")))
			.isEqualTo(IntakeCheck.Decision.CONTINUE);
	}

	private static ParsedMail mail(String headers) throws Exception {
		return ParsedMail.parse((headers + "Subject: test\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));
	}

}
