package be.persocontact.gateway.access;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static be.persocontact.gateway.TicketFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link that does not open is counted ({@code gateway.links.rejected}, by purpose and reason) and
 * never written to the access log: whoever guesses, replays or tampers with links cannot fill the table.
 */
class LinkRejectionsIntegrationTests extends LinkIntegrationTestSupport {

	@Test
	void aLinkThatDoesNotOpenOnAnyPageWritesNoAccessRowAndIsCountedByPurposeAndReason() {
		Case anna = openCase(unique("anna"), "Attest");
		String mallory = unique("mallory");
		String portal = portalLink(anna.requester());
		Map<String, String> view = Map.of("expired", expired(LinkPurpose.VIEW_TICKET, anna),
				"other recipient", this.links.issue(LinkPurpose.VIEW_TICKET, anna.id(), mallory, Duration.ofDays(1)));
		Map<String, Expected> attempts = new LinkedHashMap<>();
		attempts.put("/t/not-a-token", new Expected(LinkPurpose.VIEW_TICKET, "MALFORMED", 404));
		attempts.put("/t/" + view.get("expired"), new Expected(LinkPurpose.VIEW_TICKET, "EXPIRED", 410));
		attempts.put("/t/" + view.get("other recipient"), new Expected(LinkPurpose.VIEW_TICKET, "NOT_ISSUED_TO", 404));
		attempts.put("/t/" + tampered(view.get("other recipient")), new Expected(LinkPurpose.VIEW_TICKET, "TAMPERED", 404));
		attempts.put("/me/" + tokenOf(pageLinks(anna).get("view")), new Expected(LinkPurpose.MY_CASES, "WRONG_PURPOSE", 404));
		attempts.put("/me/" + expired(LinkPurpose.MY_CASES, anna), new Expected(LinkPurpose.MY_CASES, "EXPIRED", 410));
		attempts.put("/a/" + expired(LinkPurpose.ACCEPT_SOLUTION, anna), new Expected(LinkPurpose.ACCEPT_SOLUTION, "EXPIRED", 410));
		attempts.put("/r/xyz", new Expected(LinkPurpose.REFUSE_SOLUTION, "MALFORMED", 404));
		attempts.put("/o/" + this.links.issue(LinkPurpose.OFFICER_VIEW, anna.id(), "queue:salary", Duration.ofDays(1)),
				new Expected(LinkPurpose.OFFICER_VIEW, "NOT_ISSUED_TO", 404));
		attempts.put("/d/" + this.links.issue(LinkPurpose.DOWNLOAD_ATTACHMENT, anna.id(), anna.attachmentId(),
				anna.requester(), Duration.ofSeconds(-1)), new Expected(LinkPurpose.DOWNLOAD_ATTACHMENT, "EXPIRED", 410));
		attempts.put("/d/" + tampered(tokenOf(pageLinks(anna).get("download"))),
				new Expected(LinkPurpose.DOWNLOAD_ATTACHMENT, "TAMPERED", 404));
		attempts.put(portal + "x", new Expected(LinkPurpose.PORTAL_PAGES, "MALFORMED", 404));
		long rows = accessRows();

		attempts.forEach((path, expected) -> {
			double before = rejected(expected.purpose(), expected.reason());
			double usesBefore = uses(expected.purpose(), expected.reason());
			assertThat(this.fixture.get(path, AGENT).statusCode()).as(path).isEqualTo(expected.status());
			assertThat(rejected(expected.purpose(), expected.reason())).as("%s counted as %s %s", path,
					expected.purpose(), expected.reason()).isEqualTo(before + 1);
			assertThat(uses(expected.purpose(), expected.reason())).as("%s a use with outcome %s", path,
					expected.reason()).isEqualTo(usesBefore + 1);
		});
		double beforePost = rejected(LinkPurpose.ACCEPT_SOLUTION, "MALFORMED");
		assertThat(this.fixture.post("/a/forged", "").statusCode()).isEqualTo(404);
		assertThat(rejected(LinkPurpose.ACCEPT_SOLUTION, "MALFORMED")).isEqualTo(beforePost + 1);

		assertThat(accessRows()).as("no row for any link that did not open").isEqualTo(rows);
	}

	@Test
	void aReplyAddressUsedByAnotherSenderOrForgedWritesNoAccessRowAndIsCounted() {
		Case anna = openCase(unique("anna"), "Attest");
		String requesterReply = requesterReplyAddress(anna);
		String officerReply = officerReplyAddress(anna);
		int at = officerReply.indexOf('@');
		String forgedOfficerReply = officerReply.substring(0, at - 2)
				+ (officerReply.charAt(at - 2) == 'a' ? 'b' : 'a') + officerReply.substring(at - 1);
		double notIssued = rejected(LinkPurpose.REPLY_ADDRESS, "NOT_ISSUED_TO");
		double forged = rejected(LinkPurpose.QUEUE_REPLY_ADDRESS, "TAMPERED");
		long rows = accessRows();

		// someone the employee forwarded our mail to writes back: not the employee's reply, a new request
		assertThat(mailIn(unique("mallory"), requesterReply, "Re: attest", "Wat is dit?", ""))
			.containsEntry("outcome", "TICKET_CREATED");
		assertThat(mailIn(OFFICER, forgedOfficerReply, "Re: attest", "#resolve\nKlaar.", DMARC_PASS))
			.hasEntrySatisfying("reason", reason -> assertThat((String) reason).contains("FORGED_TOKEN"));

		assertThat(rejected(LinkPurpose.REPLY_ADDRESS, "NOT_ISSUED_TO")).isEqualTo(notIssued + 1);
		assertThat(rejected(LinkPurpose.QUEUE_REPLY_ADDRESS, "TAMPERED")).isEqualTo(forged + 1);
		assertThat(accessRows()).isEqualTo(rows);
	}

	@Test
	void aReplyAddressThatOpensIsLoggedAsAUseOfItsTicket() {
		Case anna = openCase(unique("anna"), "Attest");
		long rows = accessRowsOfTicket(anna.id());
		double requesterUses = uses(LinkPurpose.REPLY_ADDRESS, "GRANTED");
		double officerUses = uses(LinkPurpose.QUEUE_REPLY_ADDRESS, "GRANTED");

		assertThat(mailIn(anna.requester(), requesterReplyAddress(anna), "Re: attest", "Pagina 2.", ""))
			.containsEntry("outcome", "APPENDED");
		assertThat(mailIn(OFFICER, officerReplyAddress(anna), "Re: attest", "#internal\nGezien.", DMARC_PASS))
			.containsEntry("outcome", "APPENDED");

		assertThat(this.jdbc.queryForList("SELECT purpose FROM link_access WHERE ticket_id = ? ORDER BY id", String.class,
				anna.id())).hasSize((int) rows + 2).endsWith("REPLY_ADDRESS", "QUEUE_REPLY_ADDRESS");
		assertThat(uses(LinkPurpose.REPLY_ADDRESS, "GRANTED")).isEqualTo(requesterUses + 1);
		assertThat(uses(LinkPurpose.QUEUE_REPLY_ADDRESS, "GRANTED")).isEqualTo(officerUses + 1);
	}

	private String expired(LinkPurpose purpose, Case c) {
		return this.links.issue(purpose, c.id(), c.requester(), Duration.ofSeconds(-1));
	}

	private static String tokenOf(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/** One character of the signature changed, the rest as issued. */
	private static String tampered(String token) {
		int at = token.length() - 5;
		return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
	}

	record Expected(LinkPurpose purpose, String reason, int status) {
	}

}
