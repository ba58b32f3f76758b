package be.persocontact.gateway.intake;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarRepliesUnitTests {

	@ParameterizedTest
	@ValueSource(strings = { "REPLY", "COUNTER", "reply" })
	void anAttendeesAnswerToAnInvitationIsIgnoredWithItsAnswer(String method) throws Exception {
		ParsedMail mail = withCalendar("Accepted: Intake", method, "ACCEPTED");

		assertThat(CalendarReplies.isCalendarReply(mail)).isTrue();
		assertThat(CalendarReplies.describe(mail)).isEqualTo("iMIP " + method.toUpperCase() + " ACCEPTED");
	}

	@Test
	void theMethodLineOfTheCalendarCountsWhenTheContentTypeNamesNone() throws Exception {
		ParsedMail mail = ParsedMail.parse("""
				From: a@example.org
				Subject: Re: gesprek
				Content-Type: text/calendar; charset=utf-8

				BEGIN:VCALENDAR
				METHOD:REPLY
				BEGIN:VEVENT
				ATTENDEE;PARTSTAT=DECLINED:mailto:a@example.org
				END:VEVENT
				END:VCALENDAR
				""".replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));

		assertThat(CalendarReplies.isCalendarReply(mail)).isTrue();
		assertThat(CalendarReplies.describe(mail)).isEqualTo("iMIP REPLY DECLINED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Accepted: Intake", "Geaccepteerd: Overleg", "Geweigerd: Overleg", "Voorlopig: Overleg",
			"Accepté: Entretien", "Accepté provisoirement\u00A0: Entretien", "Refusé : Entretien", "Zugesagt: Termin",
			"Abgelehnt: Termin", "Mit Vorbehalt: Termin", "Tentative: Review" })
	void aResponseSubjectFromExchangeIsIgnoredEvenWithoutACalendarPart(String subject) throws Exception {
		ParsedMail mail = ParsedMail.parse(("From: a@example.org\r\nSubject: " + subject
				+ "\r\nContent-Class: urn:content-classes:calendarmessage\r\n\r\n").getBytes(StandardCharsets.UTF_8));

		assertThat(CalendarReplies.isCalendarReply(mail)).isTrue();
	}

	@Test
	void anInvitationToTheHelpdeskGoesOnAsAPersonsMail() throws Exception {
		assertThat(CalendarReplies.isCalendarReply(withCalendar("Uitnodiging: gesprek", "REQUEST", "NEEDS-ACTION")))
			.isFalse();
		assertThat(CalendarReplies.isCalendarReply(withCalendar("Geannuleerd: gesprek", "CANCEL", "NEEDS-ACTION")))
			.isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Accepted: my four-day week, what now?", "Geaccepteerd: mijn verlofaanvraag",
			"Zugesagt: Elternzeit ab März" })
	void aResponseLikeSubjectWrittenByAPersonGoesOn(String subject) throws Exception {
		ParsedMail mail = ParsedMail
			.parse(("From: a@example.org\r\nSubject: " + subject + "\r\n\r\nIs er nog iets nodig?\r\n")
				.getBytes(StandardCharsets.UTF_8));

		assertThat(CalendarReplies.isCalendarReply(mail)).isFalse();
	}

	private static ParsedMail withCalendar(String subject, String method, String partstat) throws Exception {
		return ParsedMail.parse("""
				From: a@example.org
				Subject: %s
				MIME-Version: 1.0
				Content-Type: multipart/alternative; boundary="b"

				--b
				Content-Type: text/plain; charset=utf-8

				Calendar mail.

				--b
				Content-Type: text/calendar; charset=utf-8; method=%s

				BEGIN:VCALENDAR
				METHOD:%s
				BEGIN:VEVENT
				ATTENDEE;PARTSTAT=%s:mailto:a@example.org
				END:VEVENT
				END:VCALENDAR

				--b--
				""".formatted(subject, method, method, partstat).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
	}

}
