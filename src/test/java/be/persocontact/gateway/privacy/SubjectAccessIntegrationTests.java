package be.persocontact.gateway.privacy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An employee asks what the helpdesk holds about them, then to be forgotten. The operator exports it all
 * as one archive (found by the portal's employee id as well as by address), then erases it: nothing
 * personal is left in any table, the tickets' shells stay, the employee's links stop working, an export
 * afterwards is empty, and every request is in the log with who asked and why.
 */
class SubjectAccessIntegrationTests extends PrivacyTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void anEmployeesDataIsExportedWhole_thenErasedFromEveryTable_leavingTheTicketShells() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String anna = unique("anna");
		String employeeId = "E" + tag;
		String mailed = requestWithFile(anna, "Anna Vergeet" + tag, "Medisch attest " + tag,
				"Mijn diagnose is geheim" + tag + ".\n\n-- \nAnna Vergeet" + tag + "\nDienst Onderwijs",
				"attest-" + tag + ".txt", "Bestandtekst" + tag);
		String submitted = submitForm(employeeId, anna, "Voor mijn kind" + tag);
		this.transaction.executeWithoutResult(status -> this.management
			.answer(new be.persocontact.gateway.ticket.TicketNumber(mailed), OFFICER, "Antwoord" + tag, null));
		HttpResponse<String> view = openView(mailed, anna);
		assertThat(view.statusCode()).isEqualTo(200);
		await().atMost(java.time.Duration.ofSeconds(30))
			.until(() -> count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ? AND status = 'SENT'", anna) >= 2);

		Archive archive = export("{\"employeeId\": \"" + employeeId + "\", \"operator\": \"jan.ops@example.org\", "
				+ "\"reason\": \"request of the employee, 2026-12-01\"}");
		assertThat(archive.tickets()).containsExactlyInAnyOrder(mailed, submitted);
		assertThat(archive.json()).contains("geheim" + tag, "Antwoord" + tag, "Voor mijn kind" + tag, anna, employeeId);
		assertThat(archive.file("files/" + mailed + "/")).as("the file itself").contains("Bestandtekst" + tag);
		assertThat(archive.file("mails/received/")).as("the mail as received").contains("geheim" + tag);
		assertThat(archive.json()).as("the mails sent to her").contains("\"recipient\" : \"" + anna + "\"");
		assertThat(archive.json()).as("her link uses").contains("\"purpose\" : \"VIEW_TICKET\"");

		HttpResponse<byte[]> refused = ops("POST", "/api/ops/privacy/erasures", "{\"address\": \"" + anna + "\", "
				+ "\"operator\": \"jan.ops@example.org\", \"reason\": \"erasure asked on 2026-12-01\"}");
		assertThat(refused.statusCode()).as("her tickets are still in work").isEqualTo(409);
		assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains(mailed, submitted);
		assertThat(columnsHolding(anna)).as("a refused erasure changes nothing").contains("ticket.requester_address");

		HttpResponse<byte[]> erased = ops("POST", "/api/ops/privacy/erasures", "{\"address\": \"" + anna + "\", "
				+ "\"operator\": \"jan.ops@example.org\", \"reason\": \"erasure asked on 2026-12-01\", "
				+ "\"includeUnfinishedTickets\": true}");
		assertThat(erased.statusCode()).isEqualTo(200);
		Map<?, ?> erasure = JSON.readValue(erased.body(), Map.class);
		assertThat(erasure.get("closedTickets").toString()).contains(mailed, submitted);

		for (String personal : List.of(anna, employeeId, "Vergeet" + tag, "geheim" + tag, "Antwoord" + tag,
				"attest-" + tag, "Bestandtekst" + tag, "Voor mijn kind" + tag, "Medisch attest " + tag)) {
			assertThat(columnsHolding(personal)).as("no table holds '%s' any more", personal).isEmpty();
		}
		for (String number : List.of(mailed, submitted)) {
			assertThat(this.jdbc.queryForMap("SELECT status, queue_code FROM ticket WHERE number = ?", number))
				.as("the shell of %s", number)
				.containsEntry("status", "CLOSED_COMPLETE")
				.satisfies(shell -> assertThat(shell.get("queue_code")).isNotNull());
			assertThat(this.jdbc.queryForList("SELECT e.author FROM timeline_entry e JOIN ticket t ON t.id = e.ticket_id "
					+ "WHERE t.number = ? AND e.status_to = 'CLOSED_COMPLETE'", String.class, number))
				.as("the status history says who closed it").containsExactly("jan.ops@example.org");
		}
		HttpResponse<String> afterwards = get(view.request().uri().getPath());
		assertThat(afterwards.statusCode()).as("her link no longer opens").isGreaterThanOrEqualTo(400);
		assertThat(afterwards.body()).doesNotContain(mailed);

		Archive empty = export("{\"address\": \"" + anna + "\", \"operator\": \"jan.ops@example.org\", "
				+ "\"reason\": \"check after erasure\"}");
		assertThat(empty.tickets()).isEmpty();
		assertThat(empty.summary().toString()).contains("receivedMails=0", "sentMails=0", "linkUses=0",
				"portalSubmissions=0", "files=0", "portalVisitors=0", "failingAddresses=0");
		assertThat(empty.files()).containsExactly("subject-access.json");

		List<?> log = JSON.readValue(ops("GET", "/api/ops/privacy/requests?address=" + anna, null).body(), List.class);
		assertThat(log).extracting(row -> ((Map<?, ?>) row).get("kind") + " " + ((Map<?, ?>) row).get("status") + " "
				+ ((Map<?, ?>) row).get("operator"))
			.containsExactly("EXPORT COMPLETED jan.ops@example.org", "ERASURE COMPLETED jan.ops@example.org",
					"ERASURE REFUSED jan.ops@example.org", "EXPORT COMPLETED jan.ops@example.org");
	}

	@Test
	void withoutTicketShellsAnErasureDeletesTheTicketsWhole() throws Exception {
		String bob = unique("bob");
		String number = requestWithFile(bob, "Bob", "Loonfiche", "Mijn loon klopt niet.", "loon.txt", "Loonbrief");
		close(number, bob, "Het klopt wel.");

		HttpResponse<byte[]> erased = ops("POST", "/api/ops/privacy/erasures", "{\"address\": \"" + bob + "\", "
				+ "\"operator\": \"jan.ops@example.org\", \"reason\": \"left the service\", \"keepTicketShells\": false}");

		assertThat(erased.statusCode()).isEqualTo(200);
		assertThat(count("SELECT COUNT(*) FROM ticket WHERE number = ?", number)).isZero();
		assertThat(count("SELECT COUNT(*) FROM inbound_message WHERE ticket_number = ?", number)).isZero();
		assertThat(columnsHolding(bob)).isEmpty();
		assertThat(this.jdbc.queryForList("SELECT kind FROM retention_purge WHERE ticket_number = ? "
				+ "AND purged_at IS NOT NULL", String.class, number))
			.as("retention has nothing left to do, and says why").hasSize(5);
	}

	@Test
	void aRequestNamesWhoAsksWhyAndWhomOrIsRefused() throws Exception {
		assertThat(ops("POST", "/api/ops/privacy/exports", "{\"address\": \"x@example.org\", \"operator\": \"jan\"}")
			.statusCode()).as("no reason").isEqualTo(400);
		assertThat(ops("POST", "/api/ops/privacy/erasures", "{\"operator\": \"jan\", \"reason\": \"asked\"}")
			.statusCode()).as("nobody named").isEqualTo(400);
		assertThat(get("/api/ops/privacy/requests").statusCode()).as("no operator token").isEqualTo(401);
	}

	private Archive export(String json) throws Exception {
		HttpResponse<byte[]> response = ops("POST", "/api/ops/privacy/exports", json);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), zip.readAllBytes());
			}
		}
		return new Archive(entries);
	}

	private record Archive(Map<String, byte[]> entries) {

		String json() {
			return new String(this.entries.get("subject-access.json"), StandardCharsets.UTF_8);
		}

		Map<?, ?> document() {
			return JSON.readValue(json(), Map.class);
		}

		List<String> tickets() {
			return ((List<?>) document().get("tickets")).stream()
				.map(ticket -> (String) ((Map<?, ?>) ticket).get("number"))
				.toList();
		}

		Map<?, ?> summary() {
			return (Map<?, ?>) document().get("summary");
		}

		List<String> files() {
			return List.copyOf(this.entries.keySet());
		}

		/** The content of the first file whose name starts so. */
		String file(String prefix) {
			return this.entries.entrySet()
				.stream()
				.filter(entry -> entry.getKey().startsWith(prefix))
				.map(entry -> new String(entry.getValue(), StandardCharsets.UTF_8))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no " + prefix + "… in " + this.entries.keySet()));
		}

	}

}
