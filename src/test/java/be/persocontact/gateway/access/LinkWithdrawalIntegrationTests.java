package be.persocontact.gateway.access;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static be.persocontact.gateway.TicketFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator withdraws links through the operator API: all of a ticket, all sent to an address, or the
 * officers' links of a queue. Every kind of link that was withdrawn then gets the page that says so in
 * four languages and leaves no access row; a mail to a withdrawn reply address is held, not acted upon.
 */
class LinkWithdrawalIntegrationTests extends LinkIntegrationTestSupport {

	private static final String WHY = "{\"operator\": \"jan.ops@persocontact.local\", \"reason\": \"mail forwarded to a colleague\"}";

	@Test
	void theOperatorApiToWithdrawLinksAnswersOnlyToTheOperatorToken() {
		Case anna = openCase(unique("anna"), "Medisch attest");
		String revoke = "/api/ops/links/tickets/" + anna.number() + "/revocations";

		assertThat(ops("POST", revoke, WHY, null).statusCode()).isEqualTo(401);
		assertThat(ops("POST", revoke, WHY, "not-" + this.opsToken).statusCode()).isEqualTo(401);
		assertThat(ops("POST", "/api/ops/links/recipients/revocations", "{\"address\": \"" + anna.requester()
				+ "\", \"operator\": \"x\", \"reason\": \"y\"}", null).statusCode()).isEqualTo(401);
		assertThat(ops("POST", "/api/ops/links/queues/" + QUEUE + "/revocations", WHY, null).statusCode()).isEqualTo(401);
		assertThat(ops("GET", "/api/ops/links/revocations", null, null).statusCode()).isEqualTo(401);
		// nothing was withdrawn by the refused calls
		assertThat(this.fixture.get(pageLinks(anna).get("view"), AGENT).statusCode()).isEqualTo(200);

		assertThat(ops("POST", revoke, WHY).statusCode()).isEqualTo(201);
		assertThat(this.fixture.get(pageLinks(anna).get("view"), AGENT).statusCode()).isEqualTo(200);
	}

	@Test
	void aWithdrawalNamesWhoAndWhyOrIsRefusedAndAnUnknownTicketOrQueueIsNotFound() {
		Case anna = openCase(unique("anna"), "Thuiswerk");
		String revoke = "/api/ops/links/tickets/" + anna.number() + "/revocations";

		assertThat(ops("POST", revoke, "{\"operator\": \"jan\"}").statusCode()).isEqualTo(400);
		assertThat(ops("POST", revoke, "{\"reason\": \"forwarded\"}").statusCode()).isEqualTo(400);
		assertThat(ops("POST", "/api/ops/links/tickets/HRB9999999/revocations", WHY).statusCode()).isEqualTo(404);
		assertThat(ops("POST", "/api/ops/links/queues/no-such-queue/revocations", WHY).statusCode()).isEqualTo(404);
		assertThat(ops("POST", "/api/ops/links/recipients/revocations",
				"{\"address\": \"not an address\", \"operator\": \"jan\", \"reason\": \"x\"}").statusCode()).isEqualTo(400);
		assertThat(this.fixture.get(pageLinks(anna).get("view"), AGENT).statusCode()).isEqualTo(200);
	}

	@Test
	void withdrawingATicketsLinksShutsEveryKindOfLinkAndReplyAddressOfItWithTheWithdrawnPageAndNoAccessRow() {
		Case anna = openCase(unique("anna"), "Geboorteakte");
		Case annasOther = openCase(anna.requester(), "Loonsimulatie");
		Map<String, String> links = pageLinks(anna);
		String requesterReply = requesterReplyAddress(anna);
		String officerReply = officerReplyAddress(anna);
		links.forEach((kind, path) -> assertThat(this.fixture.get(path, AGENT).statusCode()).as(kind).isEqualTo(200));
		assertThat(mailIn(anna.requester(), requesterReply, "Re: attest", "Hier is pagina 2.", ""))
			.containsEntry("outcome", "APPENDED");
		assertThat(mailIn(OFFICER, officerReply, "Re: attest", "#internal\nBekeken.", DMARC_PASS))
			.containsEntry("outcome", "APPENDED");

		HttpResponse<String> revoked = ops("POST", "/api/ops/links/tickets/" + anna.number() + "/revocations", WHY);

		assertThat(revoked.statusCode()).isEqualTo(201);
		assertThat(revoked.body()).contains("\"scope\":\"TICKET\"", "\"subject\":\"" + anna.number() + "\"",
				"\"epoch\":1", "\"revokedBy\":\"jan.ops@persocontact.local\"", "mail forwarded to a colleague");
		long rowsBefore = accessRowsOfTicket(anna.id());
		links.forEach((kind, path) -> {
			HttpResponse<String> page = this.fixture.get(path, AGENT);
			assertThat(page.statusCode()).as(kind).isEqualTo(410);
			assertThat(page.body()).as(kind).contains(WITHDRAWN).doesNotContain("Geboorteakte", "Attest voor");
		});
		assertThat(this.fixture.post(links.get("accept"), "").statusCode()).isEqualTo(410);
		assertThat(accessRowsOfTicket(anna.id())).as("withdrawn links leave no access row").isEqualTo(rowsBefore);
		assertThat(mailIn(anna.requester(), requesterReply, "Re: attest", "Nog een vraag.", ""))
			.containsEntry("outcome", "QUARANTINED")
			.hasEntrySatisfying("reason", reason -> assertThat((String) reason)
				.startsWith("REPLY_ADDRESS_WITHDRAWN").contains(anna.number().value()));
		assertThat(mailIn(OFFICER, officerReply, "Re: attest", "#resolve\nOpgelost.", DMARC_PASS))
			.containsEntry("outcome", "QUARANTINED")
			.hasEntrySatisfying("reason", reason -> assertThat((String) reason)
				.startsWith("OFFICER_REPLY_HELD: REVOKED_TOKEN"));
		assertThat(this.fixture.statusOf(anna.number()).name()).isEqualTo("OPEN");

		// the requester's other ticket, and links issued from now on, work
		pageLinks(annasOther).forEach((kind, path) -> assertThat(this.fixture.get(path, AGENT).statusCode()).as(kind)
			.isEqualTo(200));
		pageLinks(anna).forEach((kind, path) -> assertThat(this.fixture.get(path, AGENT).statusCode()).as(kind)
			.isEqualTo(200));
		assertThat(mailIn(anna.requester(), requesterReplyAddress(anna), "Re: attest", "Dank u.", ""))
			.containsEntry("outcome", "APPENDED");

		HttpResponse<String> log = ops("GET", "/api/ops/links/revocations?subject=" + anna.number(), null);
		assertThat(log.statusCode()).isEqualTo(200);
		assertThat(log.body()).contains("\"revokedAt\"", "jan.ops@persocontact.local", "mail forwarded to a colleague");
	}

	@Test
	void withdrawingAnAddressesLinksShutsThemForEveryTicketAndThePortalOfThatAddressOnly() {
		Case first = openCase(unique("anna"), "Ouderschapsverlof");
		Case second = openCase(first.requester(), "Fietsvergoeding");
		Case berts = openCase(unique("bert"), "Kinderbijslag");
		String portal = portalLink(first.requester());
		String requesterReply = requesterReplyAddress(second);
		Map<String, String> firstLinks = new HashMap<>(pageLinks(first));
		Map<String, String> secondLinks = new HashMap<>(pageLinks(second));
		assertThat(this.fixture.get(portal, AGENT).statusCode()).isEqualTo(200);

		HttpResponse<String> revoked = ops("POST", "/api/ops/links/recipients/revocations", "{\"address\": \""
				+ first.requester().toUpperCase() + "\", \"operator\": \"jan\", \"reason\": \"left the service\"}");

		assertThat(revoked.statusCode()).isEqualTo(201);
		assertThat(revoked.body()).contains("\"scope\":\"RECIPIENT\"", RecipientHash.of(first.requester()))
			.doesNotContain(first.requester());
		long rowsBefore = accessRowsOfRecipient(first.requester());
		for (Map<String, String> links : List.of(firstLinks, secondLinks)) {
			// issued to the queue, not to the address
			assertThat(this.fixture.get(links.remove("officer view"), AGENT).statusCode()).isEqualTo(200);
			links.forEach((kind, path) -> {
				HttpResponse<String> page = this.fixture.get(path, AGENT);
				assertThat(page.statusCode()).as(kind).isEqualTo(410);
				assertThat(page.body()).as(kind).contains(WITHDRAWN);
			});
		}
		HttpResponse<String> portalPage = this.fixture.get(portal, AGENT);
		assertThat(portalPage.statusCode()).isEqualTo(410);
		assertThat(portalPage.body()).contains("href=\"/portal/link\"");
		assertThat(accessRowsOfRecipient(first.requester())).isEqualTo(rowsBefore);
		assertThat(mailIn(second.requester(), requesterReply, "Re: fiets", "Nog een vraag.", ""))
			.containsEntry("outcome", "QUARANTINED");
		pageLinks(berts).forEach((kind, path) -> assertThat(this.fixture.get(path, AGENT).statusCode()).as(kind)
			.isEqualTo(200));

		HttpResponse<String> log = ops("GET", "/api/ops/links/revocations?address=" + first.requester(), null);
		assertThat(log.body()).contains("left the service").doesNotContain(first.requester());
	}

	@Test
	void withdrawingAQueuesOfficerLinksShutsItsReplyAddressesAndOfficerViewsButNotTheRequestersLinks() {
		Case anna = openCase(unique("anna"), "Attest huwelijk");
		String officerView = pageLinks(anna).get("officer view");
		String officerReply = officerReplyAddress(anna);
		assertThat(this.fixture.get(officerView, AGENT).statusCode()).isEqualTo(200);

		assertThat(ops("POST", "/api/ops/links/queues/" + QUEUE + "/revocations", WHY).statusCode()).isEqualTo(201);

		HttpResponse<String> page = this.fixture.get(officerView, AGENT);
		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).contains(WITHDRAWN);
		assertThat(mailIn(OFFICER, officerReply, "Re: attest", "#take", DMARC_PASS))
			.hasEntrySatisfying("reason", reason -> assertThat((String) reason)
				.startsWith("OFFICER_REPLY_HELD: REVOKED_TOKEN"));
		assertThat(this.fixture.get(pageLinks(anna).get("view"), AGENT).statusCode()).isEqualTo(200);
		// announcements from now on carry working ones
		assertThat(this.fixture.get(pageLinks(anna).get("officer view"), AGENT).statusCode()).isEqualTo(200);
		assertThat(mailIn(OFFICER, officerReplyAddress(anna), "Re: attest", "#internal\nGezien.", DMARC_PASS))
			.containsEntry("outcome", "APPENDED");
		assertThat(ops("GET", "/api/ops/links/revocations?scope=QUEUE&subject=" + QUEUE, null).body())
			.contains("\"subject\":\"" + QUEUE + "\"");
	}

}
