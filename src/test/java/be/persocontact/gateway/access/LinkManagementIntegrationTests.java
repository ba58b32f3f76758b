package be.persocontact.gateway.access;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import be.persocontact.gateway.TicketFixture;
import be.persocontact.gateway.TicketFixtureTestSupport;
import be.persocontact.gateway.ticket.TicketNumber;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.persocontact.gateway.TicketFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Revocation by epoch and the access log, through the real view over HTTP and the real tables. */
class LinkManagementIntegrationTests extends TicketFixtureTestSupport {

	private static final String AGENT = "Mozilla/5.0 (LinkManagementIntegrationTests)";

	@Autowired
	LinkManagement linkManagement;

	@Test
	void anOperatorRevokingATicketsLinksShutsEveryEarlierLinkOfThatTicketButNotNewOnes() {
		String anna = unique("anna");
		long id = this.fixture.idOf(this.fixture.open(anna, "Loonsimulatie", "Graag.", "nl"));
		String before = TicketFixture.pathOf(this.links.ticketViewUrl(id, anna));
		assertThat(this.fixture.get(before, AGENT).statusCode()).isEqualTo(200);

		this.linkManagement.revokeTicketLinks(id, "HRB-test", "operator@persocontact.local", "mail sent to a colleague");

		var revoked = this.fixture.get(before, AGENT);
		assertThat(revoked.statusCode()).isEqualTo(410);
		assertThat(revoked.body()).contains("Deze link werd ingetrokken").contains("This link has been withdrawn")
			.doesNotContain("Loonsimulatie");
		assertThat(this.fixture.get(TicketFixture.pathOf(this.links.ticketViewUrl(id, anna)), AGENT).statusCode())
			.isEqualTo(200);
	}

	@Test
	void anOperatorRevokingARecipientsLinksShutsThemForEveryTicketOfThatRecipientOnly() {
		String anna = unique("anna");
		String bert = unique("bert");
		long first = this.fixture.idOf(this.fixture.open(anna, "Ouderschapsverlof", "a", "nl"));
		long second = this.fixture.idOf(this.fixture.open(anna, "Thuiswerk", "b", "nl"));
		long berts = this.fixture.idOf(this.fixture.open(bert, "Fietsvergoeding", "c", "nl"));
		List<String> annasLinks = List.of(TicketFixture.pathOf(this.links.ticketViewUrl(first, anna)),
				TicketFixture.pathOf(this.links.url(LinkPurpose.MY_CASES, second, anna)));
		String bertsLink = TicketFixture.pathOf(this.links.ticketViewUrl(berts, bert));

		this.linkManagement.revokeRecipientLinks("Anna" + anna.substring(4).toUpperCase(), "operator@persocontact.local",
				"left the service");

		assertThat(annasLinks).allSatisfy(path -> assertThat(this.fixture.get(path, AGENT).statusCode()).isEqualTo(410));
		assertThat(this.fixture.get(bertsLink, AGENT).statusCode()).isEqualTo(200);
	}

	@Test
	void aUseThatOpensIsLoggedWithTimeTicketPurposeRecipientHashAndUserAgent() {
		String anna = unique("anna");
		TicketNumber number = this.fixture.open(anna, "Attest", "x", "fr");
		long id = this.fixture.idOf(number);

		assertThat(this.fixture.get(TicketFixture.pathOf(this.links.ticketViewUrl(id, anna)), AGENT).statusCode())
			.isEqualTo(200);

		List<Map<String, Object>> log = this.jdbc.queryForList("SELECT accessed_at, purpose, recipient_hash, user_agent, "
				+ "outcome FROM link_access WHERE ticket_id = ? ORDER BY id", id);
		assertThat(log).singleElement().satisfies(row -> {
			assertThat(row.get("accessed_at")).isNotNull();
			assertThat(row.get("purpose")).isEqualTo("VIEW_TICKET");
			assertThat(row.get("user_agent")).isEqualTo(AGENT);
			assertThat(row.get("outcome")).isEqualTo("GRANTED");
			assertThat(row.get("recipient_hash")).isEqualTo(RecipientHash.of(anna));
			assertThat(row.get("recipient_hash").toString()).doesNotContain("anna");
		});
	}

}
