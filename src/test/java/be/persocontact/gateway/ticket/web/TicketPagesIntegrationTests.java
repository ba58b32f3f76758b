package be.persocontact.gateway.ticket.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.persocontact.gateway.TicketFixture;
import be.persocontact.gateway.TicketFixtureTestSupport;
import be.persocontact.gateway.access.LinkManagement;
import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.ticket.TicketNumber;
import be.persocontact.gateway.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.persocontact.gateway.TicketFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** The pages behind the links in our mails: my cases, and the accept and refuse pages of a solution. */
class TicketPagesIntegrationTests extends TicketFixtureTestSupport {

	private static final String AGENT = "Mozilla/5.0 (TicketPagesIntegrationTests)";

	private static final Pattern NUMBER = Pattern.compile("HRB\\d{7}");

	@Autowired
	LinkManagement linkManagement;

	@Test
	void myCasesListsAllTheRequestersTicketsNewestFirstEachWithAWorkingViewLinkAndNobodyElses() {
		String anna = unique("anna");
		TicketNumber oldest = this.fixture.open(anna, "Medisch attest", "a", "de");
		TicketNumber middle = this.fixture.open(anna, "Ouderschapsverlof", "b", "de");
		TicketNumber newest = this.fixture.open(anna, "Thuiswerk", "c", "de");
		TicketNumber berts = this.fixture.open(unique("bert"), "Fietsvergoeding", "d", "de");
		this.fixture.changeStatus(oldest, TicketStatus.ASSIGNED);

		var page = this.fixture.get(TicketFixture.pathOf(
				this.links.url(LinkPurpose.MY_CASES, this.fixture.idOf(oldest), anna)), AGENT);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Ihre Anträge").contains("Zugewiesen").doesNotContain(berts.value(), "Fietsvergoeding");
		Matcher numbers = NUMBER.matcher(page.body());
		List<String> shown = numbers.results().map(java.util.regex.MatchResult::group).distinct().toList();
		assertThat(shown).containsExactly(newest.value(), middle.value(), oldest.value());
		Matcher viewLinks = Pattern.compile("href=\"https?://[^/\"]+(/t/[A-Za-z0-9_-]+)\"").matcher(page.body());
		List<String> paths = viewLinks.results().map(match -> match.group(1)).toList();
		assertThat(paths).hasSize(3);
		assertThat(this.fixture.get(paths.get(0), AGENT).body()).contains(newest.value()).contains("Thuiswerk");
	}

	@Test
	void aViewPageShowsNoLinkToAllCasesButMailsOneOnRequestToTheRequesterOnlyOnceInAWhile() {
		String anna = unique("anna");
		TicketNumber number = this.fixture.open(anna, "Medisch attest", "a", "nl");
		TicketNumber other = this.fixture.open(anna, "Thuiswerk", "b", "nl");
		String view = TicketFixture.pathOf(this.links.ticketViewUrl(this.fixture.idOf(number), anna));

		String page = this.fixture.get(view, AGENT).body();
		assertThat(page).doesNotContain("/me/").contains("action=\"" + view + "/my-cases\"")
			.contains("Mail mij een link naar al mijn aanvragen");
		assertThat(page).doesNotContain(other.value());

		var asked = this.fixture.post(view + "/my-cases", "");
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(asked.body()).contains("Kijk in uw mailbox").doesNotContain("/me/", other.value());
		assertThat(this.fixture.post(view + "/my-cases", "").statusCode()).isEqualTo(200);

		List<java.util.Map<String, Object>> mails = this.jdbc.queryForList(
				"SELECT recipient, text_body FROM outbound_mail WHERE kind = 'my-cases-link' AND text_body LIKE ?",
				"%" + number.value() + "%");
		assertThat(mails).as("one mail, however often asked within the interval").singleElement()
			.satisfies(mail -> assertThat(mail.get("recipient")).isEqualTo(anna));
		Matcher cases = Pattern.compile("https?://[^/\\s]+(/me/[A-Za-z0-9_-]+)").matcher((String) mails.get(0).get("text_body"));
		assertThat(cases.find()).isTrue();
		assertThat(this.fixture.get(cases.group(1), AGENT).body()).contains(number.value(), other.value());
	}

	@Test
	void theLinksOnMyCasesAreBoundToTheSameAddressAndAreWithdrawnWithIt() {
		String anna = unique("anna");
		TicketNumber number = this.fixture.open(anna, "Medisch attest", "a", "nl");
		this.fixture.open(anna, "Thuiswerk", "b", "nl");
		String myCases = TicketFixture.pathOf(this.links.url(LinkPurpose.MY_CASES, this.fixture.idOf(number), anna));
		Matcher viewLinks = Pattern.compile("href=\"https?://[^/\"]+(/t/[A-Za-z0-9_-]+)\"")
			.matcher(this.fixture.get(myCases, AGENT).body());
		List<String> listed = viewLinks.results().map(match -> match.group(1)).toList();
		assertThat(listed).hasSize(2)
			.allSatisfy(path -> assertThat(this.fixture.get(path, AGENT).statusCode()).isEqualTo(200));

		this.linkManagement.revokeRecipientLinks(anna, "operator@persocontact.local", "mail forwarded");

		assertThat(listed).allSatisfy(path -> assertThat(this.fixture.get(path, AGENT).statusCode()).isEqualTo(410));
		assertThat(this.fixture.get(myCases, AGENT).statusCode()).isEqualTo(410);
	}

	@Test
	void aViewLinkDoesNotOpenMyCasesNorAnAcceptPage() {
		String anna = unique("anna");
		long id = this.fixture.idOf(this.fixture.open(anna, "Attest", "a", "nl"));
		String token = TicketFixture.pathOf(this.links.ticketViewUrl(id, anna)).substring("/t/".length());

		assertThat(this.fixture.get("/me/" + token, AGENT).statusCode()).isEqualTo(404);
		assertThat(this.fixture.get("/a/" + token, AGENT).statusCode()).isEqualTo(404);
		assertThat(this.fixture.post("/a/" + token, "").statusCode()).isEqualTo(404);
	}

	@Test
	void theAcceptLinkOfTheSolutionMailOnlyAsksAndItsFormClosesTheTicketWithAThankYouMail() {
		String anna = unique("anna");
		TicketNumber number = this.fixture.open(anna, "Loonsimulatie", "a", "fr");
		this.fixture.changeStatus(number, TicketStatus.ASSIGNED, TicketStatus.WORK_IN_PROGRESS,
				TicketStatus.AWAITING_ACCEPTANCE);
		String accept = linkInMail(number, "solution-proposed", "/a/");

		var asked = this.fixture.get(accept, AGENT);
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(asked.body()).contains("Acceptez-vous la solution").contains("method=\"post\"");
		assertThat(this.fixture.statusOf(number)).isEqualTo(TicketStatus.AWAITING_ACCEPTANCE);
		assertThat(this.fixture.get(accept + "?lang=en", AGENT).body()).contains("Do you accept the solution");

		var decided = this.fixture.post(accept, "");
		assertThat(decided.statusCode()).isEqualTo(200);
		assertThat(decided.body()).contains("est maintenant clôturée");
		assertThat(this.fixture.statusOf(number)).isEqualTo(TicketStatus.CLOSED_COMPLETE);
		assertThat(kindsOfMails(number)).endsWith("status-closed-complete");

		var again = this.fixture.post(accept, "");
		assertThat(again.body()).contains("Aucune solution n’attend (plus) votre décision");
	}

	@Test
	void refusingASolutionNeedsAReasonAndSendsTheTicketBackToWorkWithTheReasonOnItsTimeline() {
		String anna = unique("anna");
		TicketNumber number = this.fixture.open(anna, "Woon-werkverkeer", "a", "nl");
		this.fixture.changeStatus(number, TicketStatus.ASSIGNED, TicketStatus.WORK_IN_PROGRESS,
				TicketStatus.AWAITING_ACCEPTANCE);
		String refuse = linkInMail(number, "solution-proposed", "/r/");

		var withoutReason = this.fixture.post(refuse, "reason=+++");
		assertThat(withoutReason.statusCode()).isEqualTo(400);
		assertThat(withoutReason.body()).contains("Geef een reden op.");
		assertThat(this.fixture.statusOf(number)).isEqualTo(TicketStatus.AWAITING_ACCEPTANCE);

		var refused = this.fixture.post(refuse, "reason=Mijn+adres+is+fout");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(this.fixture.statusOf(number)).isEqualTo(TicketStatus.WORK_IN_PROGRESS);
		assertThat(this.jdbc.queryForList("SELECT e.body FROM timeline_entry e JOIN ticket t ON t.id = e.ticket_id "
				+ "WHERE t.number = ? AND e.status_to = 'WORK_IN_PROGRESS' ORDER BY e.id DESC LIMIT 1", String.class,
				number.value())).containsExactly("Mijn adres is fout");
		assertThat(kindsOfMails(number)).endsWith("status-work-in-progress");
	}

	@Test
	void aDamagedMailIsAnnouncedToTheRequesterInTheirLanguageAndDetailedForOfficersOnly() {
		String anna = unique("anna");
		TicketNumber number = this.fixture.open(anna, "Attestation", "Bonjour, voici mon attestation.", "fr");
		this.transaction.executeWithoutResult(status -> {
			this.management.route(number, "attestations", "test");
			this.management.noteDamagedMail(number, "part 2 (attest.pdf): x-gzip64 content could not be unpacked", null);
		});
		long id = this.fixture.idOf(number);

		String requesterPage = this.fixture.get(TicketFixture.pathOf(this.links.ticketViewUrl(id, anna)), AGENT).body();
		assertThat(requesterPage).contains("Cet e-mail est arrivé endommagé ; ce qui a pu être lu est affiché.")
			.contains("Message endommagé")
			.doesNotContain("x-gzip64");
		String officerPage = this.fixture.get(TicketFixture.pathOf(this.links.url(LinkPurpose.OFFICER_VIEW, id,
				be.persocontact.gateway.ticket.Ticket.queueAudience("attestations"))) + "?lang=nl", AGENT).body();
		assertThat(officerPage).contains("Deze e-mail kwam beschadigd aan")
			.contains("part 2 (attest.pdf): x-gzip64 content could not be unpacked");
	}

	/** The path of the link in the mail of that kind, as the requester would click it. */
	private String linkInMail(TicketNumber number, String kind, String prefix) {
		String text = this.jdbc.queryForObject("SELECT o.text_body FROM outbound_mail o JOIN ticket t ON t.id = o.ticket_id "
				+ "WHERE t.number = ? AND o.kind = ?", String.class, number.value(), kind);
		Matcher link = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(prefix) + "[A-Za-z0-9_-]+)").matcher(text);
		assertThat(link.find()).as("a %s link in %s", prefix, text).isTrue();
		return link.group(1);
	}

	private List<String> kindsOfMails(TicketNumber number) {
		return this.jdbc.queryForList("SELECT o.kind FROM outbound_mail o JOIN ticket t ON t.id = o.ticket_id "
				+ "WHERE t.number = ? ORDER BY o.id", String.class, number.value());
	}

}
