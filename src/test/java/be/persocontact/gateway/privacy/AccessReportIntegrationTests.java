package be.persocontact.gateway.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketNumber;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Who saw my file?": the access report of a ticket lists every opening of its pages by whom the link was
 * issued to (the requester, a queue's officers) with time, purpose and outcome, and what officers changed,
 * by whom, without the texts they wrote.
 */
class AccessReportIntegrationTests extends PrivacyTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theReportSaysWhoOpenedTheTicketAndWhatTheOfficersChanged() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String eva = unique("eva");
		String number = requestWithFile(eva, "Eva", "Medisch attest " + tag, "In bijlage.", "attest.txt", "Attest");
		assertThat(openView(number, eva).statusCode()).isEqualTo(200);
		assertThat(openView(number, eva).statusCode()).isEqualTo(200);
		String queue = this.jdbc.queryForObject("SELECT queue_code FROM ticket WHERE number = ?", String.class, number);
		String officerView = this.links.url(LinkPurpose.OFFICER_VIEW, ticketId(number), Ticket.queueAudience(queue));
		assertThat(get(officerView.substring(officerView.indexOf("/o/"))).statusCode()).isEqualTo(200);
		TicketNumber ticket = new TicketNumber(number);
		this.transaction.executeWithoutResult(status -> {
			this.management.take(ticket, OFFICER);
			this.management.addInternalNote(ticket, OFFICER, "Vertrouwelijk" + tag, null);
			this.management.askForInformation(ticket, OFFICER, "Welke periode?", null);
		});

		var response = ops("GET", "/api/ops/privacy/tickets/" + number.toLowerCase() + "/access-report", null);

		assertThat(response.statusCode()).isEqualTo(200);
		String body = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(body).as("texts stay out of the report").doesNotContain("Vertrouwelijk" + tag, "Welke periode");
		Map<?, ?> report = JSON.readValue(body, Map.class);
		assertThat(report.get("ticket")).isEqualTo(number);
		List<String> opened = ((List<?>) report.get("opened")).stream()
			.map(row -> (Map<?, ?>) row)
			.map(row -> row.get("purpose") + " by " + row.get("recipient") + ": " + row.get("outcome"))
			.toList();
		assertThat(opened).containsExactly("VIEW_TICKET by REQUESTER: GRANTED", "VIEW_TICKET by REQUESTER: GRANTED",
				"OFFICER_VIEW by QUEUE " + queue + ": GRANTED");
		assertThat((List<?>) report.get("opened")).allSatisfy(row -> {
			assertThat(((Map<?, ?>) row).get("at")).asString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
			assertThat(((Map<?, ?>) row).get("recipientHash")).asString().hasSize(64);
		});
		List<String> changes = ((List<?>) report.get("changes")).stream()
			.map(row -> (Map<?, ?>) row)
			.map(row -> row.get("by") + " " + row.get("action")
					+ (row.get("statusTo") == null ? "" : " " + row.get("statusFrom") + ">" + row.get("statusTo")))
			.toList();
		assertThat(changes).containsExactly("GATEWAY ROUTED", OFFICER + " STATUS_CHANGE OPEN>ASSIGNED",
				OFFICER + " STATUS_CHANGE ASSIGNED>WORK_IN_PROGRESS", OFFICER + " INTERNAL_NOTE",
				OFFICER + " STATUS_CHANGE WORK_IN_PROGRESS>PENDING");
	}

	@Test
	void anUnknownTicketHasNoReport() throws Exception {
		assertThat(ops("GET", "/api/ops/privacy/tickets/HRB9999998/access-report", null).statusCode()).isEqualTo(404);
		assertThat(ops("GET", "/api/ops/privacy/tickets/not-a-number/access-report", null).statusCode()).isEqualTo(404);
	}

}
