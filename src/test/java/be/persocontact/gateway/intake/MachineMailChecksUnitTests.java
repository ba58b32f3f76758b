package be.persocontact.gateway.intake;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MachineMailChecksUnitTests {

	private final IntakeSettings settings = new IntakeSettings(3, "helpdesk@persocontact.local", "nl", org.springframework.util.unit.DataSize.ofMegabytes(30), 20,
			java.time.Duration.ofHours(1), java.util.List.of("mx.persocontact.local"), 3, false, 30, 60);

	private final IsAutoReply isAutoSubmitted = new IsAutoReply();

	private final IsBounce isBounce = new IsBounce();

	private final IsReadReceipt isReadReceipt = new IsReadReceipt();

	private final IsFeedbackReport isFeedbackReport = new IsFeedbackReport();

	private final IsBulkMail isBulkMail = new IsBulkMail();

	private final IsUnauthenticated isUnauthenticated = new IsUnauthenticated(
			new SenderAuthentication(this.settings, false, "mx.persocontact.local"));

	private final IsOwnMail isOwnMail = new IsOwnMail(this.settings);

	@ParameterizedTest
	@ValueSource(strings = { "Auto-Submitted: auto-replied", "Auto-Submitted: auto-generated",
			"Precedence: auto_reply", "X-Autoreply: yes", "X-Autorespond: on", "X-Auto-Response-Suppress: All",
			"Return-Path: <>", "Subject: Automatisch antwoord: Medisch attest", "Subject: Out of Office: Attest",
			"Subject: Réponse automatique : Attestation", "Subject: Abwesenheitsnotiz: Antrag",
			"Subject: Automatische Antwort: Antrag", "Subject: Afwezigheidsbericht: uw vraag" })
	void machineMailIsIgnoredAsAutoReply(String header) throws Exception {
		IntakeCheck.Decision decision = this.isAutoSubmitted.check(mail("From: a@example.org\r\n" + header + "\r\n"));

		assertThat(decision).isInstanceOf(IntakeCheck.Stop.class);
		assertThat(((IntakeCheck.Stop) decision).outcome()).isEqualTo(Outcome.IGNORED_AUTO_REPLY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Auto-Submitted: no", "Precedence: normal", "X-Mailer: Outlook",
			"Subject: Re: absence of my colleague", "Subject: Mijn afwezigheid van volgende week",
			"Subject: Afwezigheid: ziekte vanaf maandag", "Subject: Afwezig: dokter", "Subject: Absence : certificat médical",
			"Subject: Abwesend: Arzttermin am Montag" })
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

	@Test
	void aDeliveryStatusNotificationIsABounceNamingTheMailAndTheRecipientThatFailedForGood() throws Exception {
		ParsedMail dsn = ParsedMail.parse("""
				From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
				To: helpdesk@persocontact.local
				Subject: Undelivered Mail Returned to Sender
				Auto-Submitted: auto-replied
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

				--b1
				Content-Type: text/plain

				I'm sorry to have to inform you that your message could not be delivered.

				--b1
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.example.org

				Final-Recipient: rfc822; gone@example.org
				Action: failed
				Status: 5.1.1
				Diagnostic-Code: smtp; 550 5.1.1 User unknown

				Final-Recipient: rfc822; later@example.org
				Action: delayed
				Status: 4.4.1

				--b1
				Content-Type: text/rfc822-headers

				From: PersoContact <helpdesk@persocontact.local>
				To: gone@example.org
				Subject: [HRB0000007] Attest
				Message-ID: <HRB0000007.acknowledgement.1234@persocontact.local>

				--b1--
				""".replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));

		IntakeCheck.Decision decision = this.isBounce.check(dsn);

		assertThat(decision).isInstanceOf(IntakeCheck.Stop.class);
		IntakeCheck.Stop stop = (IntakeCheck.Stop) decision;
		assertThat(stop.outcome()).isEqualTo(Outcome.IGNORED_BOUNCE);
		assertThat(stop.report().permanentlyFailedRecipients()).containsExactly("gone@example.org");
		assertThat(stop.report().aboutMessageIds()).contains("<HRB0000007.acknowledgement.1234@persocontact.local>");
	}

	@Test
	void aPersonWritingAboutAnUndeliverableParcelIsNoBounce() throws Exception {
		assertThat(this.isBounce.check(mail("From: anna@example.org\r\nReturn-Path: <anna@example.org>\r\n"
				+ "Subject: Undeliverable parcel at the reception\r\n"))).isEqualTo(IntakeCheck.Decision.CONTINUE);
	}

	@Test
	void readReceiptsAndFeedbackReportsAreRecognisedByTheirReportType() throws Exception {
		assertThat(this.isReadReceipt.check(mail("From: anna@example.org\r\nContent-Type: multipart/report; "
				+ "report-type=disposition-notification; boundary=x\r\n"))).isInstanceOf(IntakeCheck.Stop.class);
		assertThat(this.isFeedbackReport.check(mail("From: abuse@isp.example\r\nContent-Type: multipart/report; "
				+ "report-type=feedback-report; boundary=x\r\n"))).isInstanceOf(IntakeCheck.Stop.class);
		assertThat(this.isReadReceipt.check(mail("From: anna@example.org\r\n")))
			.isEqualTo(IntakeCheck.Decision.CONTINUE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Precedence: bulk", "Precedence: list", "Precedence: junk", "List-Id: <hr.lists.example>" })
	void listAndBulkMailIsIgnored(String header) throws Exception {
		IntakeCheck.Decision decision = this.isBulkMail.check(mail("From: news@example.org\r\n" + header + "\r\n"));
		assertThat(((IntakeCheck.Stop) decision).outcome()).isEqualTo(Outcome.IGNORED_BULK);
	}

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
