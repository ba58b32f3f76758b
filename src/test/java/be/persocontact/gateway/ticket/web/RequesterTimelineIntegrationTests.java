package be.persocontact.gateway.ticket.web;

import java.util.List;

import be.persocontact.gateway.TicketFixture;
import be.persocontact.gateway.TicketFixtureTestSupport;
import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.ticket.RequesterMessage;
import be.persocontact.gateway.ticket.SenderProof;
import be.persocontact.gateway.ticket.TicketNumber;
import be.persocontact.gateway.ticket.TicketStatus;
import be.persocontact.gateway.ticket.TimelineEntryKind;
import org.junit.jupiter.api.Test;

import static be.persocontact.gateway.TicketFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of timeline entry, as the employee reads it on {@code /t/} (in their language, nothing
 * written for officers) and as officers read it on {@code /o/} (everything). One test per
 * {@link TimelineEntryKind}; the system entries have one per typed note and one for an untyped note.
 */
class RequesterTimelineIntegrationTests extends TicketFixtureTestSupport {

	private static final String AGENT = "Mozilla/5.0 (RequesterTimelineIntegrationTests)";

	private static final String OFFICER = "an.peeters@persocontact.local";

	@Test
	void aRoutingNoteShowsTheEmployeeOnlyTheTeamsNameInTheirLanguageAndOfficersTheRule() {
		TicketNumber dutch = open("nl");
		TicketNumber german = open("de");
		for (TicketNumber number : List.of(dutch, german)) {
			this.management.route(number, "attestations", "keyword 'medisch attest' in the subject");
		}

		assertThat(employeePage(dutch)).contains("Uw aanvraag werd doorgegeven aan het team Attesten.")
			.doesNotContain("keyword", "medisch attest", "Queue attestations");
		assertThat(employeePage(german)).contains("Ihr Antrag wurde an das Team Bescheinigungen weitergeleitet.")
			.doesNotContain("keyword", "Queue attestations");
		assertThat(officerPage(dutch, "attestations"))
			.contains("Queue attestations (keyword &#39;medisch attest&#39; in the subject)");
	}

	@Test
	void anInternalNoteIsHiddenFromTheEmployeeAndShownToOfficers() {
		TicketNumber number = routedTo("attestations", "nl");
		this.management.addInternalNote(number, OFFICER, "Werkgever belt morgen terug, niet doorsturen", null);

		assertThat(employeePage(number)).doesNotContain("Werkgever belt morgen terug", "Interne notitie", OFFICER);
		assertThat(officerPage(number, "attestations")).contains("Werkgever belt morgen terug");
	}

	@Test
	void anOfficersAnswerIsShownToTheEmployeeUnderHrsNameNotTheOfficersAddress() {
		TicketNumber number = routedTo("attestations", "fr");
		this.management.answer(number, OFFICER, "Votre attestation est bien enregistrée.", null);

		assertThat(employeePage(number)).contains("Réponse des RH", "Votre attestation est bien enregistrée.")
			.doesNotContain(OFFICER);
		assertThat(officerPage(number, "attestations")).contains(OFFICER);
	}

	@Test
	void aStatusChangeShowsTheEmployeeTheQuestionAskedButNotANoteWrittenForOfficers() {
		TicketNumber asked = routedTo("attestations", "en");
		this.management.askForInformation(asked, OFFICER, "Please send page 2 of the certificate.", null);
		TicketNumber lapsed = routedTo("attestations", "en");
		this.management.resolve(lapsed, OFFICER, "Your certificate is registered.", null);
		this.management.closeForWantOfAnswer(this.fixture.idOf(lapsed), "no answer to the proposed solution within 14 days");

		assertThat(employeePage(asked)).contains("Work in progress \u2192 Pending", "Please send page 2 of the certificate.");
		assertThat(employeePage(lapsed)).contains("Awaiting acceptance \u2192 Closed complete", "Your certificate is registered.")
			.doesNotContain("no answer to the proposed solution");
		assertThat(officerPage(lapsed, "attestations")).contains("no answer to the proposed solution within 14 days");
	}

	@Test
	void theEmployeesOwnMessageIsShownWithTheirAddress() {
		String anna = unique("anna");
		TicketNumber number = this.fixture.open(anna, "Attest", "Hierbij mijn attest van de dokter.", "nl");

		assertThat(employeePage(number, anna)).contains("Uw bericht", "Hierbij mijn attest van de dokter.", anna);
	}

	@Test
	void anUntypedSystemNoteIsForOfficersOnly() {
		TicketNumber number = routedTo("attestations", "nl");
		this.management.recordSystemNote(this.fixture.idOf(number),
				"Mail \"status-changed\" not sent to anna@example.org: the address bounced");

		assertThat(employeePage(number)).doesNotContain("not sent to", "bounced");
		assertThat(officerPage(number, "attestations")).contains("not sent to anna@example.org: the address bounced");
	}

	@Test
	void aFollowUpAndAReferenceToThePreviousSystemAreTranslatedForTheEmployee() {
		String anna = unique("anna");
		TicketNumber closed = this.fixture.open(anna, "Attest", "a", "fr");
		this.fixture.changeStatus(closed, TicketStatus.ASSIGNED, TicketStatus.WORK_IN_PROGRESS,
				TicketStatus.AWAITING_ACCEPTANCE, TicketStatus.CLOSED_COMPLETE);
		TicketNumber followUp = this.transaction.execute(status -> this.management
			.append(closed, new RequesterMessage(anna, "Anna", "fr", "RE: Attest", "Encore une question",
					null, List.of("HRC0004711")), SenderProof.REPLY_ADDRESS)
			.ticket());

		String page = employeePage(followUp, anna);
		assertThat(page).contains("Cette demande fait suite à votre demande clôturée " + closed.value() + ".")
			.contains("Votre message fait référence à HRC0004711, un dossier de notre ancien système.")
			.doesNotContain("Follows up closed ticket", "of the previous system");
	}

	@Test
	void aDamagedMailShowsTheEmployeeASentenceInTheirLanguageAndOfficersTheDetails() {
		TicketNumber number = routedTo("attestations", "de");
		this.management.noteDamagedMail(number, "2 lines could not be decoded (charset x-unknown)", null);

		assertThat(employeePage(number)).contains("Beschädigte Nachricht").doesNotContain("charset x-unknown");
		assertThat(officerPage(number, "attestations")).contains("2 lines could not be decoded (charset x-unknown)");
	}

	@Test
	void aNotificationEntryShowsTheEmployeeThatAMailWentOutButNotItsRecord() {
		TicketNumber number = routedTo("attestations", "nl");
		this.jdbc.update("INSERT INTO timeline_entry (ticket_id, kind, author, body, created_at) "
				+ "VALUES (?, 'NOTIFICATION', 'gateway', 'status-changed to anna via smtp relay 2', NOW(6))",
				this.fixture.idOf(number));

		assertThat(employeePage(number)).contains("Mail verstuurd").doesNotContain("smtp relay 2");
		assertThat(officerPage(number, "attestations")).contains("status-changed to anna via smtp relay 2");
	}

	@Test
	void everyKindHasATestHere() {
		assertThat(TimelineEntryKind.values()).as("kinds decided in TicketViewController.requesterRow and tested here")
			.containsExactlyInAnyOrder(TimelineEntryKind.REQUESTER_MESSAGE, TimelineEntryKind.STATUS_CHANGE,
					TimelineEntryKind.NOTIFICATION, TimelineEntryKind.OFFICER_MESSAGE, TimelineEntryKind.INTERNAL_NOTE,
					TimelineEntryKind.SYSTEM, TimelineEntryKind.DAMAGED_MAIL);
	}

	private TicketNumber open(String language) {
		return this.fixture.open(unique("anna"), "Attest", "Hierbij mijn attest.", language);
	}

	private TicketNumber routedTo(String queue, String language) {
		TicketNumber number = open(language);
		this.management.route(number, queue, "test");
		return number;
	}

	private String employeePage(TicketNumber number) {
		return employeePage(number, this.management.requesterOf(this.fixture.idOf(number)).orElseThrow());
	}

	private String employeePage(TicketNumber number, String requester) {
		var page = this.fixture.get(TicketFixture.pathOf(this.links.ticketViewUrl(this.fixture.idOf(number), requester)),
				AGENT);
		assertThat(page.statusCode()).isEqualTo(200);
		return page.body();
	}

	private String officerPage(TicketNumber number, String queue) {
		var page = this.fixture.get(TicketFixture.pathOf(
				this.links.url(LinkPurpose.OFFICER_VIEW, this.fixture.idOf(number), "queue:" + queue)), AGENT);
		assertThat(page.statusCode()).isEqualTo(200);
		return page.body();
	}

}
