package be.persocontact.gateway.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per row of the machine-mail table (each asserts that its own row is the one that matches, so
 * it fails without that row), then the near misses: mail a person sends that must still become a ticket.
 * {@code docs/intake-rules.md} names the test of each row.
 */
class MachineMailUnitTests {

	private final MachineMail machineMail = new MachineMail("helpdesk@persocontact.local");

	// own mail

	@Test
	void mailFromOurOwnAddressIsALoop() throws Exception {
		assertMatch("isSentFromOurAddress", Outcome.IGNORED_OWN_MAIL, """
				From: PersoContact <HelpDesk@persocontact.local>
				Subject: [HRB0000001] Uw aanvraag

				We hebben uw aanvraag ontvangen.
				""");
	}

	@Test
	void ourOwnMessageIdComingBackIsALoopAlsoForAMailAboutNoTicket() throws Exception {
		assertMatch("carriesOurMessageId", Outcome.IGNORED_OWN_MAIL, """
				From: forwarder@example.org
				Message-ID: <HRB0000001.acknowledgement.x@persocontact.local>
				Subject: Uw aanvraag

				x
				""");
		assertMatch("carriesOurMessageId", Outcome.IGNORED_OWN_MAIL, """
				From: forwarder@example.org
				Message-ID: <rejection-too-large.0f8e5a52-6a8f-4c57-9a43-2b1d7d3c9e10@persocontact.local>
				Subject: Uw mail is te groot

				x
				""");
	}

	@Test
	void aColleagueInOurDomainIsNoLoop() throws Exception {
		assertPerson("""
				From: Jan Collega <jan@persocontact.local>
				Message-ID: <0f8e5a52-6a8f-4c57-9a43-2b1d7d3c9e10@persocontact.local>
				Subject: Vraag over mijn loon

				Dag, een vraag.
				""");
	}

	// hard rules

	@Test
	void aDeliveryStatusReportIsABounceNamingTheMailAndTheRecipientThatFailedForGood() throws Exception {
		ParsedMail dsn = mail("""
				From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
				Subject: Undelivered Mail Returned to Sender
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

				--b1
				Content-Type: text/plain

				I'm sorry to have to inform you that your message could not be delivered.

				--b1
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.example.org

				Final-Recipient: rfc822; Gone@Example.org
				Action: failed
				Status: 5.1.1 (bad destination mailbox)
				Diagnostic-Code: smtp; 550 5.1.1 User unknown

				Final-Recipient: rfc822; later@example.org
				Action: delayed
				Status: 4.4.1

				Final-Recipient: rfc822; policy@example.org
				Action: failed
				Status: 5.7.1

				--b1
				Content-Type: text/rfc822-headers

				From: PersoContact <helpdesk@persocontact.local>
				To: gone@example.org
				Subject: [HRB0000007] Attest
				Message-ID: <HRB0000007.acknowledgement.1234@persocontact.local>

				--b1--
				""");

		IntakeCheck.Stop stop = assertMatch("isDeliveryStatusReport", Outcome.IGNORED_BOUNCE, dsn);
		assertThat(stop.reason()).isEqualTo("delivery status notification");
		assertThat(stop.report().permanentFailures()).containsExactly(
				new IntakeCheck.PermanentFailure("gone@example.org", "5.1.1"),
				new IntakeCheck.PermanentFailure("policy@example.org", "5.7.1"));
		assertThat(stop.report().aboutMessageIds()).containsExactly("<HRB0000007.acknowledgement.1234@persocontact.local>");
	}

	@Test
	void aDeliveryStatusPartIsABounceWhateverContainerItCameIn() throws Exception {
		assertMatch("isDeliveryStatusReport", Outcome.IGNORED_BOUNCE, """
				From: Some Gateway <gateway@example.org>
				Subject: Notice
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="b1"

				--b1
				Content-Type: text/plain

				See the report.
				--b1
				Content-Type: message/delivery-status

				Final-Recipient: rfc822; gone@example.org
				Action: failed
				Status: 5.1.1
				--b1--
				""");
	}

	@Test
	void aDispositionNotificationIsAReadReceipt() throws Exception {
		assertMatch("isDispositionNotification", Outcome.IGNORED_READ_RECEIPT, """
				From: anna@example.org
				Subject: Gelezen: Uw aanvraag
				Content-Type: multipart/report; report-type=disposition-notification; boundary=x

				--x
				Content-Type: text/plain

				Gelezen.
				--x--
				""");
		assertMatch("isDispositionNotification", Outcome.IGNORED_READ_RECEIPT, """
				From: anna@example.org
				Subject: Lu : Votre demande
				Content-Type: multipart/report; boundary=x

				--x
				Content-Type: text/plain

				Lu.
				--x--
				""");
	}

	@Test
	void anAbuseFeedbackReportIsAFeedbackReport() throws Exception {
		assertMatch("isFeedbackReport", Outcome.IGNORED_FEEDBACK_REPORT, """
				From: abuse@isp.example
				Subject: Abuse report
				Content-Type: multipart/report; report-type=feedback-report; boundary=x

				--x
				Content-Type: text/plain

				This is an email abuse report.
				--x--
				""");
	}

	@ParameterizedTest
	@ValueSource(strings = { "multipart/report; report-type=tlsrpt; boundary=x",
			"multipart/report; boundary=x",
			"Multipart/Report; report-type=delivery_status; boundary=x",
			"multipart/report; report-type=delivery-status; charset=us-ascii\"; boundary=x",
			"multipart/report; report-type=delivery-status; boundary=----=_Part_1.2" })
	void anyMultipartReportIsAReportWhateverItsReportTypeAndHoweverBrokenItsParameters(String contentType)
			throws Exception {
		assertMatch(List.of("isReport", "isDeliveryStatusReport"), Outcome.IGNORED_BOUNCE, """
				From: Some Server <server@example.org>
				Subject: Report
				Content-Type: %s

				--x
				Content-Type: text/plain; charset=us-acsii

				Report.
				--x--
				""".formatted(contentType));
	}

	@Test
	void aReportWithAnUnknownReportTypeIsStillAReport() throws Exception {
		assertMatch("isReport", Outcome.IGNORED_BOUNCE, """
				From: tls-reports@example.org
				Subject: Report Domain: persocontact.local
				Content-Type: multipart/report; report-type=tlsrpt; boundary=x

				--x
				Content-Type: text/plain

				TLS report.
				--x--
				""");
	}

	@Test
	void returnedMessageHeadersMakeABounceInAnyContainer() throws Exception {
		assertMatch("carriesReturnedHeaders", Outcome.IGNORED_BOUNCE, """
				From: Delivery <notices@relay.example.org>
				Subject: Your message
				Content-Type: multipart/mixed; boundary=x

				--x
				Content-Type: text/plain

				Your message was not accepted.
				--x
				Content-Type: text/rfc822-headers

				From: PersoContact <helpdesk@persocontact.local>
				Message-ID: <HRB0000007.acknowledgement.1234@persocontact.local>
				--x--
				""");
	}

	@ParameterizedTest
	@ValueSource(strings = { "MAILER-DAEMON@mx.example.org", "Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
			"postmaster@example.org", "post_master@sms.carrier.example", "mailer@example.org", "MDaemon@example.org",
			"Mail Delivery System <mdaemon@mail.example.com>", "MAILER-DAEMON", "<MAILER-DAEMON@localhost>",
			"Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.org>",
			"\"Mail Delivery System\" <notify@relay.example.org>" })
	void aMailSystemSenderIsABounceEvenWithAReplySubject(String from) throws Exception {
		IntakeCheck.Stop stop = assertMatch("isFromMailSystem", Outcome.IGNORED_BOUNCE, """
				From: %s
				Subject: Re: [HRB0000007] Uw aanvraag

				Error: 550 - Requested action not taken: no such user here
				""".formatted(from));
		assertThat(stop.reason()).startsWith("from ");
	}

	@Test
	void aNullReversePathAnywhereInTheHeaderReadingAsABounceIsABounce() throws Exception {
		// a forwarder re-sent the bounce with its own envelope: its Return-Path is on top, the null one below
		assertMatch("hasNullReversePathAndReadsAsBounce", Outcome.IGNORED_BOUNCE, """
				Return-Path: <SRS0=Ab1=XY=example.net=notices@forwarder.example.org>
				Received: from forwarder.example.org by mx.persocontact.local; Fri, 11 Dec 2026 16:02:10 +0100
				Return-Path: <>
				Received: from mail.example.net by mailbox.example.org; Fri, 11 Dec 2026 16:02:09 +0100
				From: Notices <notices@example.net>
				Subject: Nachricht konnte nicht zugestellt werden

				Die Nachricht konnte nicht zugestellt werden.
				""");
	}

	@ParameterizedTest
	@ValueSource(strings = { "<>", "< >", " <> ", "(bounce) <>" })
	void aNullReversePathIsNeverAnswered(String path) throws Exception {
		assertMatch("hasNullReversePath", Outcome.IGNORED_AUTO_REPLY, """
				Return-Path: %s
				From: Service Desk <servicedesk@example.net>
				Subject: Your request has been received

				Thank you, your request SD-778899 has been logged.
				""".formatted(path));
	}

	// headers

	@ParameterizedTest
	@ValueSource(strings = { "X-Spam-Flag: YES", "X-Spam-Flag: yes", "X-Spam-Status: Yes, score=12.3 required=5.0 tests=BAYES_99",
			"X-Spam: Yes" })
	void mailOurSpamFilterFlaggedIsSpamAndNeverAnswered(String header) throws Exception {
		assertMatch("isFlaggedAsSpam", Outcome.IGNORED_SPAM, """
				From: Payroll Team <payroll@hr-update.example>
				%s
				Subject: Urgent: confirm your salary account

				Click here.
				""".formatted(header));
	}

	@ParameterizedTest
	@ValueSource(strings = { "auto-replied", "auto-generated", "auto-notified" })
	void autoSubmittedMailIsAnAutoReply(String value) throws Exception {
		IntakeCheck.Stop stop = assertMatch("isAutoSubmitted", Outcome.IGNORED_AUTO_REPLY, """
				From: anna@example.org
				Auto-Submitted: %s
				Subject: Uw aanvraag

				Ik ben afwezig.
				""".formatted(value));
		assertThat(stop.reason()).isEqualTo("Auto-Submitted: " + value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "X-Autoreply: yes", "X-Autorespond: on", "X-Autoresponder: 1", "X-Mail-Autoreply: yes",
			"X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent", "X-FC-Machinegenerated: true",
			"X-Loop: yes" })
	void anAutoResponderHeaderMakesAnAutoReply(String header) throws Exception {
		assertMatch("hasAutoReplyHeader", Outcome.IGNORED_AUTO_REPLY, """
				From: anna@example.org
				%s
				Subject: Uw aanvraag

				Ik ben afwezig.
				""".formatted(header));
	}

	@Test
	void precedenceAutoReplyIsAnAutoReply() throws Exception {
		assertMatch("hasAutoReplyPrecedence", Outcome.IGNORED_AUTO_REPLY, """
				From: anna@example.org
				Precedence: auto_reply
				Subject: Uw aanvraag

				Ik ben afwezig.
				""");
	}

	@Test
	void anAttendeesAnswerToAnInvitationIsACalendarReply() throws Exception {
		IntakeCheck.Stop stop = assertMatch("isCalendarReply", Outcome.IGNORED_CALENDAR_REPLY, """
				From: anna@example.org
				Subject: Geaccepteerd: gesprek
				Content-Type: text/calendar; method=REPLY; charset=utf-8

				BEGIN:VCALENDAR
				METHOD:REPLY
				BEGIN:VEVENT
				ATTENDEE;PARTSTAT=ACCEPTED:mailto:anna@example.org
				END:VEVENT
				END:VCALENDAR
				""");
		assertThat(stop.reason()).isEqualTo("iMIP REPLY ACCEPTED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "bulk", "junk", "list", " Bulk " })
	void bulkPrecedenceIsBulkMail(String precedence) throws Exception {
		assertMatch("hasBulkPrecedence", Outcome.IGNORED_BULK, """
				From: news@example.org
				Precedence: %s
				Subject: Nieuwsbrief

				x
				""".formatted(precedence));
	}

	@ParameterizedTest
	@ValueSource(strings = { "List-Id: <hr.lists.example>", "List-Post: <mailto:hr@lists.example>",
			"X-Mailing-List: hr@lists.example" })
	void listMailIsBulkMail(String header) throws Exception {
		assertMatch("isListMail", Outcome.IGNORED_BULK, """
				From: someone@example.org
				%s
				Subject: Vraag aan de lijst

				x
				""".formatted(header));
	}

	@ParameterizedTest
	@ValueSource(strings = { "From: \"L-Soft list server at LISTS.EXAMPLE.EDU (1.8e)\" <LISTSERV@LISTS.EXAMPLE.EDU>",
			"From: hr-news-owner@lists.example.org\nX-Mailman-Version: 3.3.9", "From: owner-hr-l@lists.example.edu",
			"From: hr-news-bounces+helpdesk=persocontact.local@lists.example.org", "From: Sympa <sympa@lists.example.org>",
			"From: lists@example.org\nX-List-Administrivia: yes" })
	void aListManagersReplyIsAnAutoReply(String from) throws Exception {
		assertMatch("isFromListManager", Outcome.IGNORED_AUTO_REPLY, """
				%s
				Subject: Your posting

				Your posting could not be distributed.
				""".formatted(from));
	}

	@ParameterizedTest
	@ValueSource(strings = { "noreply@news.benefits.example", "no-reply@mail.example.com", "donotreply@example.com",
			"do_not_reply@example.com", "newsletter-noreply@example.com" })
	void aNoReplySenderWithMassMailingHeadersIsBulkMail(String sender) throws Exception {
		assertMatch("isNoReplyMassMail", Outcome.IGNORED_BULK, """
				From: Benefits <%s>
				List-Unsubscribe: <https://news.benefits.example/u/123>
				Subject: Your benefits this month

				x
				""".formatted(sender));
	}

	// subjects

	@ParameterizedTest
	@ValueSource(strings = { "Undeliverable: Medisch attest", "Undelivered Mail Returned to Sender",
			"Delivery Status Notification (Failure)", "Mail delivery failed: returning message to sender",
			"Returned mail: see transcript for details", "failure notice", "Mail System Error - Returned Mail",
			"Delivery delayed:Medisch attest", "[EXTERNAL] Undeliverable: Attest", "Onbestelbaar: Medisch attest",
			"Non remis : Attestation", "Non distribuable : Attestation", "Unzustellbar: Antrag",
			"Übermittlungsstatusbenachrichtigung (Fehler)", "No se puede entregar: Solicitud",
			"Notificación de estado de entrega (error)", "Non recapitabile: Richiesta",
			"Não é possível entregar: Pedido", "配信不能: 申請", "メールエラー", "ﾒｰﾙｴﾗｰ", "无法送达: 申请", "無法傳遞: 申請",
			"系统退信", "退信", "=?ISO-2022-JP?B?GyRCJWEhPCVrJSglaSE8GyhC?=", "=?GB2312?B?z7XNs83L0MU=?=",
			"=?ISO-2022-JP?B?GyRCR1s/LklURz0bKEI6IBskQj89QEEbKEI=?=", "=?UTF-8?B?Tm9uIHJlbWlzIDogQXR0ZXN0YXRpb24=?=",
			"=?UTF-8?Q?Unzustellbar:?=Antrag", "=?utf-8?Q?Non remis : Attestation?=",
			"Undeliverable:=?UTF-8?Q?_Medisch_attest?=", "=?UTF-8?Q?Unzustellbar:?= =?UTF-8?Q?_Antrag?=" })
	void aMailSystemsSubjectInManyLanguagesIsABounce(String subject) throws Exception {
		assertMatch("hasBounceSubject", Outcome.IGNORED_BOUNCE, """
				From: Carrier <mail-error@carrier.example.jp>
				Subject: %s

				Your mail could not be delivered.
				""".formatted(subject));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Undeliverable Message", "Message not delivered", "DELIVERY FAILURE: User anna not listed",
			"Niet afgeleverd: Attest", "Bericht kon niet worden bezorgd", "Échec de la remise du message",
			"Nicht zustellbar: Antrag", "Mensaje no entregado", "Notifica di mancato recapito", "Mensagem não entregue",
			"メール配信エラーのお知らせ", "邮件投递失败" })
	void aBouncePhraseIsABounceOnAMailThatReturnsAMessage(String subject) throws Exception {
		assertMatch("hasBounceSubject", Outcome.IGNORED_BOUNCE, """
				From: Carrier <mail-error@carrier.example.jp>
				Subject: %s

				Your message could not be delivered to the recipient.

				Original message:
				  Message-ID: <HRB0000007.acknowledgement.1234@persocontact.local>
				""".formatted(subject));
		assertMatch("hasBounceSubject", Outcome.IGNORED_BOUNCE, """
				From: Carrier <mail-error@carrier.example.jp>
				Subject: %s

				<anna@example.org>: 550 5.1.1 user unknown
				""".formatted(subject));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Niet afgeleverd: werkkledij", "Niet bezorgd: mijn loonbrief van november",
			"Delivery failure: my new badge never arrived", "Nicht zustellbar: mein Paket", "Undeliverable mail",
			"Message not delivered" })
	void aBouncePhraseOnAPersonsOwnWordsIsAPerson(String subject) throws Exception {
		assertPerson("""
				From: Anna Peeters <anna@example.org>
				Subject: %s

				Beste, het pakket met mijn werkkledij is nooit aangekomen. Kunnen jullie dat nakijken?
				""".formatted(subject));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Your message to hr-news@lists.example.org awaits moderator approval",
			"Rejected posting to HR-NEWS@LISTS.EXAMPLE.EDU", "Message distribution: Authorization denied",
			"You do not have permission to post to hr-news", "Your message to HR News was rejected",
			"Uw bericht aan hr-nieuws wacht op goedkeuring", "Votre message à rh-info a été rejeté",
			"Ihre Nachricht an personal-info wurde abgelehnt" })
	void aListManagersRefusalSubjectIsAnAutoReply(String subject) throws Exception {
		assertMatch("hasListRefusalSubject", Outcome.IGNORED_AUTO_REPLY, """
				From: Lists <lists@example.org>
				Subject: %s

				x
				""".formatted(subject));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Automatisch antwoord: Medisch attest", "Out of Office: Attest",
			"Réponse automatique : Attestation", "Abwesenheitsnotiz: Antrag", "Automatische Antwort: Antrag",
			"Afwezigheidsbericht: uw vraag", "Respuesta automática: Solicitud", "Risposta automatica: Richiesta",
			"Resposta automática: Pedido", "Autosvar: Ansökan", "自動応答: 申請", "自动回复：申请",
			"=?ISO-2022-JP?B?GyRCPCtGMDF+RXobKEI6IBskQj89QEEbKEI=?=" })
	void anOutOfOfficeSubjectIsAnAutoReply(String subject) throws Exception {
		assertMatch("hasOutOfOfficeSubject", Outcome.IGNORED_AUTO_REPLY, """
				From: anna@example.org
				Subject: %s

				Ik ben afwezig.
				""".formatted(subject));
	}

	@ParameterizedTest
	@ValueSource(strings = { "[AUTO GENERATED] Weekly absence report", "Weekly absence report [Auto-generated]",
			"Absence report (auto generated)", "Auto-generated: absence report", "[Automated message] Password expiry",
			"[Automatisch gegenereerd] Verlofsaldo" })
	void anAutoGeneratedSubjectTagIsMachineMail(String subject) throws Exception {
		assertMatch("hasAutoGeneratedSubject", Outcome.IGNORED_AUTO_REPLY, """
				From: HR System <hr-system@example.org>
				Subject: %s

				x
				""".formatted(subject));
	}

	// near misses: a person's mail

	@ParameterizedTest
	@ValueSource(strings = { "My mail to payroll was undeliverable", "Undeliverable mail to payroll?",
			"Re: Undeliverable: Medisch attest", "Fwd: Undeliverable: Medisch attest", "TR: Non remis : Attestation",
			"WG: Unzustellbar: Antrag", "Doorst: Onbestelbaar: Medisch attest", "Returned mail from my old address",
			"Mail delivery failed to my manager", "Failure notice from payroll, what now?", "Auto: leasewagen inleveren",
			"Afwezigheid: ziekte vanaf maandag", "Absence : certificat médical", "Abwesend: Arzttermin am Montag",
			"Re: [AUTO GENERATED] Weekly absence report", "メールエラーについて", "关于退信的问题",
			"Mail system error when I send my attest", "Fuori sede: rimborso spese trasferta",
			"=?ISO-2022-JP?B?GyRCJWEhPCVrJSglaSE8JEskRCQkJEYbKEI=?=", "=?GB2312?B?udjT2s3L0MW1xM7KzOI=?=",
			"Your message to HR is important", "Delivery of my new contract" })
	void aPersonsSubjectThatMentionsAFailedMailIsAPerson(String subject) throws Exception {
		assertPerson("""
				From: Anna Peeters <anna@example.org>
				Return-Path: <anna@example.org>
				Subject: %s

				Beste, mijn mail aan de loondienst was undeliverable. Kunnen jullie helpen?
				""".formatted(subject));
	}

	@Test
	void aPersonPastingABounceIntoTheBodyIsAPerson() throws Exception {
		assertPerson("""
				From: Anna Peeters <anna@example.org>
				Subject: Re: mijn mail kwam terug

				Dit kreeg ik terug:

				> Final-Recipient: rfc822; loon@example.org
				> Action: failed
				> Status: 5.1.1
				> Undelivered Mail Returned to Sender
				""");
	}

	@Test
	void aPersonForwardingOneOfOurMailsAsAnAttachmentIsAPerson() throws Exception {
		assertPerson("""
				From: Anna Peeters <anna@example.org>
				Subject: Fwd: [HRB0000007] Uw aanvraag
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary=outer

				--outer
				Content-Type: text/plain; charset=utf-8

				Klopt dit wel?
				--outer
				Content-Type: message/rfc822

				From: PersoContact <helpdesk@persocontact.local>
				To: anna@example.org
				Subject: [HRB0000007] Uw aanvraag
				Message-ID: <HRB0000007.acknowledgement.1234@persocontact.local>
				Auto-Submitted: auto-generated
				Return-Path: <>

				We hebben uw aanvraag ontvangen.
				--outer--
				""");
	}

	@Test
	void aPersonForwardingABounceAsAnAttachmentIsAPerson() throws Exception {
		assertPerson("""
				From: Anna Peeters <anna@example.org>
				Subject: Fwd: Undelivered Mail Returned to Sender
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary=outer

				--outer
				Content-Type: text/plain; charset=utf-8

				Mijn mail aan de loondienst kwam terug, wat nu?
				--outer
				Content-Type: message/rfc822

				From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
				Subject: Undelivered Mail Returned to Sender
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary=inner

				--inner
				Content-Type: message/delivery-status

				Final-Recipient: rfc822; loon@example.org
				Action: failed
				Status: 5.1.1
				--inner
				Content-Type: text/rfc822-headers

				From: anna@example.org
				--inner--
				--outer--
				""");
	}

	@ParameterizedTest
	@ValueSource(strings = { "X-Auto-Response-Suppress: DR, OOF, AutoReply", "X-Auto-Response-Suppress: All",
			"X-Spam-Status: No, score=1.2 required=5.0", "X-Spam-Flag: NO", "Auto-Submitted: no", "Precedence: normal",
			"X-Loop: anna@example.org", "Return-Path: <anna@example.org>" })
	void aPersonsMailWithHeadersThatOnlyLookAutomaticIsAPerson(String header) throws Exception {
		assertPerson("""
				From: Anna Peeters <anna@example.org>
				%s
				Subject: Vraag over mijn verlof

				Beste, hoeveel verlofdagen heb ik nog?
				""".formatted(header));
	}

	@Test
	void aNoReplySenderWithoutMassMailingHeadersIsNotBulkMail() throws Exception {
		// a certificate platform sends the doctor's attestation from a no-reply address: HR needs it
		assertPerson("""
				From: Attest Platform <noreply@attest.example>
				Subject: Medisch attest voor Anna Peeters

				In bijlage het medisch attest.
				""");
	}

	private IntakeCheck.Stop assertMatch(String rule, Outcome outcome, String raw) throws Exception {
		return assertMatch(rule, outcome, mail(raw));
	}

	private IntakeCheck.Stop assertMatch(String rule, Outcome outcome, ParsedMail mail) {
		return assertMatch(List.of(rule), outcome, mail);
	}

	private IntakeCheck.Stop assertMatch(List<String> rules, Outcome outcome, String raw) throws Exception {
		return assertMatch(rules, outcome, mail(raw));
	}

	private IntakeCheck.Stop assertMatch(List<String> rules, Outcome outcome, ParsedMail mail) {
		Optional<MachineMail.Rule> matched = this.machineMail.firstMatch(mail);
		assertThat(matched).as("the rule that matches").isPresent();
		assertThat(matched.get().name()).isIn(rules);
		IntakeCheck.Decision decision = this.machineMail.check(mail);
		assertThat(decision).isInstanceOf(IntakeCheck.Stop.class);
		IntakeCheck.Stop stop = (IntakeCheck.Stop) decision;
		assertThat(stop.outcome()).isEqualTo(outcome);
		return stop;
	}

	private void assertPerson(String raw) throws Exception {
		ParsedMail mail = mail(raw);
		assertThat(this.machineMail.firstMatch(mail).map(MachineMail.Rule::name)).as("rule matched").isEmpty();
		assertThat(this.machineMail.check(mail)).isEqualTo(IntakeCheck.Decision.CONTINUE);
	}

	static ParsedMail mail(String raw) throws Exception {
		return ParsedMail.parse(raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
	}

}
