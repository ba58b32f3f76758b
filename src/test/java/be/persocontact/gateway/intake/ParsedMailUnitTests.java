package be.persocontact.gateway.intake;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedMailUnitTests {

	@ParameterizedTest
	@ValueSource(strings = { "Jan \"de Smet <jan@@example..org", "jan@example..org", "<jan@example.org", "jan@localhost",
			"undisclosed-recipients:;" })
	void aFromThatNoMailCanBeSentToIsNoSender(String from) throws Exception {
		assertThat(parse("From: " + from).fromAddress()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Anna <anna.peeters@example.org>", "o'brien@example.ie", "\"Dubois, Marie\" <marie+hr@example.com>",
			"MAILER-DAEMON@mx.example.org (Mail Delivery System)" })
	void anOrdinaryFromIsTheSender(String from) throws Exception {
		assertThat(parse("From: " + from).fromAddress()).contains("@");
	}

	@Test
	void withoutAFromHeaderTheSenderHeaderIsTheFromAddressAsJakartaMailAlwaysHadIt() {
		ParsedMail mail = parse("Sender: Pieter <pieter@example.org>");

		assertThat(mail.fromAddress()).isEqualTo("pieter@example.org");
		assertThat(mail.sender().source()).isEqualTo(SenderAddress.Source.SENDER);
	}

	@Test
	void anUnusableFromActsForNobodyButTheSenderHeaderStillGetsTheAnswer() {
		ParsedMail mail = parse("From: Formulierentool\r\nSender: Pieter Claes <pieter@example.org>");

		assertThat(mail.fromAddress()).isNull();
		assertThat(mail.sender()).isEqualTo(new SenderAddress("pieter@example.org", "Pieter Claes",
				SenderAddress.Source.SENDER));
	}

	@Test
	void aMailWithOnlyAReturnPathIsAnsweredThereAndSaysSo() {
		ParsedMail mail = parse("Return-Path: <lena@example.de>\r\nReceived: by mx.persocontact.local");

		assertThat(mail.fromAddress()).isNull();
		assertThat(mail.sender()).isEqualTo(new SenderAddress("lena@example.de", null, SenderAddress.Source.RETURN_PATH));
	}

	@Test
	void aDamagedReportKeepsItsDeclaredTypeForTheMachineMailChecks() {
		ParsedMail mail = ParsedMail.parse("""
				From: MAILER-DAEMON@mx.example.org
				Subject: Undelivered Mail Returned to Sender
				Content-Type: multipart/report; report-type=delivery-status;; boundary=gone

				The mail to jan@example.org could not be delivered.
				""".getBytes(StandardCharsets.UTF_8));

		assertThat(mail.contentType()).isEqualTo("multipart/report");
		assertThat(mail.reportType()).isEqualTo("delivery-status");
		assertThat(mail.body().text()).contains("could not be delivered");
		assertThat(mail.structure().damaged()).isTrue();
	}

	private static ParsedMail parse(String header) {
		return ParsedMail.parse((header + "\r\nSubject: x\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aMailThatIsOneEnclosedMessageIsReadForTheTextAndFilesOfThatMessage() {
		// GroupWise forwards this way: the whole mail is the forwarded one, nothing around it
		ParsedMail mail = ParsedMail.parse("""
				From: "Sender" <sender@example.net>
				Subject: GroupwiseForwardingTest
				Mime-Version: 1.0
				Content-Type: message/rfc822

				From: "Dr. Sender" <other@example.net>
				Subject: Attest
				Content-Type: multipart/mixed; boundary="b"

				--b
				Content-Type: text/plain; charset=ISO-8859-15

				Hierbij mijn attest.
				--b
				Content-Type: application/pdf; name="attest.pdf"
				Content-Disposition: attachment; filename="attest.pdf"

				%PDF-1.4
				--b--
				""".getBytes(StandardCharsets.ISO_8859_1));

		assertThat(mail.sender().address()).isEqualTo("sender@example.net");
		assertThat(mail.subject()).isEqualTo("GroupwiseForwardingTest");
		assertThat(mail.body().text()).isEqualTo("Hierbij mijn attest.");
		assertThat(be.persocontact.gateway.attachment.MailAttachments.from(mail.content()))
			.extracting(be.persocontact.gateway.attachment.IncomingFile::name)
			.containsExactly("attest.pdf");
	}

}
