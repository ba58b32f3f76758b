package be.persocontact.gateway.notification;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import be.persocontact.gateway.TicketFixtureTestSupport;
import be.persocontact.gateway.notification.mail.OutboxMailer;
import be.persocontact.gateway.ticket.TicketNumber;
import be.persocontact.gateway.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.persocontact.gateway.TicketFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Which mail each event writes into the outbox, in whose language, and with what in it. */
class NotificationMailsIntegrationTests extends TicketFixtureTestSupport {

	@Autowired
	NotificationManagement notifications;

	@Autowired
	OutboxMailer outboxMailer;

	@Test
	void aStatusChangeMailsTheRequesterInTheirLanguageWithTheTicketsLinkButWithoutTheContentOfTheRequest() {
		String anna = unique("anna");
		TicketNumber number = this.fixture.open(anna, "Medisch attest", "Mijn diagnose is vertrouwelijk.", "de");

		this.fixture.changeStatus(number, TicketStatus.ASSIGNED);

		Map<String, Object> mail = lastMail(number);
		assertThat(mail).containsEntry("kind", "status-assigned").containsEntry("recipient", anna)
			.containsEntry("language", "de")
			.containsEntry("subject", "[" + number + "] Ihr Antrag wurde zugewiesen: Medisch attest");
		for (String part : List.of("text_body", "html_body")) {
			// a forwarded status mail opens this ticket, not all of the requester's ("my cases" is on request)
			assertThat((String) mail.get(part)).as(part).contains("Zugewiesen", number.value(), "/t/")
				.doesNotContain("vertrouwelijk", "/me/");
		}
	}

	@Test
	void everyTargetStatusHasItsMailAndAClosureByAnyoneButTheRequesterIsAnnouncedAsAutomatic() {
		TicketNumber number = this.fixture.open(unique("anna"), "Loopbaanonderbreking", "x", "nl");

		this.fixture.changeStatus(number, TicketStatus.ASSIGNED, TicketStatus.WORK_IN_PROGRESS, TicketStatus.PENDING,
				TicketStatus.WORK_IN_PROGRESS, TicketStatus.AWAITING_ACCEPTANCE, TicketStatus.CLOSED_COMPLETE);

		assertThat(kinds(number)).containsExactly("acknowledgement", "status-assigned", "status-work-in-progress",
				"information-requested", "status-work-in-progress", "solution-proposed", "auto-closed");
		assertThat(this.jdbc.queryForObject("SELECT o.text_body FROM outbound_mail o JOIN ticket t ON t.id = o.ticket_id "
				+ "WHERE t.number = ? AND o.kind = 'solution-proposed'", String.class, number.value()))
			.containsPattern("/a/[A-Za-z0-9_-]+")
			.containsPattern("/r/[A-Za-z0-9_-]+");
	}

	@Test
	void aHostileTicketSubjectStaysOnOneLineInTheSentMailAndAddsNoRecipient() throws Exception {
		String anna = unique("anna");
		TicketNumber number = this.fixture.open(anna, "Verlof\r\nBcc: mallory@example.org\r\n\r\n<b>hi</b>", "x", "en");

		this.fixture.changeStatus(number, TicketStatus.ASSIGNED);

		long id = this.jdbc.queryForObject("SELECT o.id FROM outbound_mail o JOIN ticket t ON t.id = o.ticket_id "
				+ "WHERE t.number = ? AND o.kind = 'status-assigned'", Long.class, number.value());
		MimeMessage message = this.outboxMailer.toMimeMessage(id);
		assertThat(message.getSubject()).doesNotContain("\r", "\n")
			.isEqualTo("[" + number + "] Your request has been assigned: Verlof Bcc: mallory@example.org <b>hi</b>");
		assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(anna);
		assertThat(message.getHeader("Bcc")).isNull();
	}

	@Test
	void anOfficersAnswerAndAReminderAreMailedAsPointersToTheView() {
		TicketNumber number = this.fixture.open(unique("anna"), "Gezinssamenstelling", "x", "fr");

		this.transaction.executeWithoutResult(status -> {
			this.notifications.officerAnswered(number, null, null);
			this.notifications.remindRequester(number);
		});

		assertThat(kinds(number)).containsExactly("acknowledgement", "officer-answer", "reminder");
		assertThat(lastMail(number).get("subject").toString()).startsWith("[" + number + "] Rappel");
	}

	@Test
	void aSenderGetsAtMostOneRejectionNoticePerReasonPerDay() {
		String flooder = unique("flooder");
		RejectionNotice tooLarge = new RejectionNotice(flooder, "nl", RejectionReason.TOO_LARGE, "Scans\r\nBcc: x", null);
		RejectionNotice refused = new RejectionNotice(flooder, "nl", RejectionReason.REFUSED_FILES, "Scans",
				List.of(new RejectionNotice.RefusedFile("virus.exe", "TYPE_NOT_ALLOWED")));

		List<Boolean> sent = this.transaction.execute(status -> List.of(this.notifications.sendRejection(tooLarge),
				this.notifications.sendRejection(tooLarge), this.notifications.sendRejection(refused)));

		assertThat(sent).containsExactly(true, false, true);
		List<Map<String, Object>> mails = this.jdbc.queryForList(
				"SELECT kind, subject, text_body, message_id FROM outbound_mail WHERE recipient = ? ORDER BY id", flooder);
		assertThat(mails).extracting(row -> row.get("kind"))
			.containsExactly("rejection-too-large", "rejection-refused-files");
		assertThat(mails.get(0).get("subject")).isEqualTo("Uw mail werd niet verwerkt: Scans Bcc: x");
		assertThat(mails.get(1).get("text_body").toString()).contains("virus.exe: dit soort bestand wordt niet aanvaard");
		assertThat(mails.get(1).get("message_id").toString()).startsWith("<rejection-refused-files.");
	}

	private Map<String, Object> lastMail(TicketNumber number) {
		return this.jdbc.queryForMap("SELECT o.* FROM outbound_mail o JOIN ticket t ON t.id = o.ticket_id "
				+ "WHERE t.number = ? ORDER BY o.id DESC LIMIT 1", number.value());
	}

	private List<String> kinds(TicketNumber number) {
		return this.jdbc.queryForList("SELECT o.kind FROM outbound_mail o JOIN ticket t ON t.id = o.ticket_id "
				+ "WHERE t.number = ? ORDER BY o.id", String.class, number.value());
	}

}
