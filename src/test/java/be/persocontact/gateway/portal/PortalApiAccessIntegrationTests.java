package be.persocontact.gateway.portal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static be.persocontact.gateway.portal.PortalSubmissionIntegrationTests.VALID;
import static be.persocontact.gateway.portal.PortalSubmissionIntegrationTests.submission;
import static be.persocontact.gateway.portal.PortalSubmissionIntegrationTests.twoFiles;
import static be.persocontact.gateway.portal.PortalSubmissionIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may use the portal API and what each caller sees: only the portal, with its credential; the
 * catalogue in the language asked for; an employee's own tickets and never another's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalApiAccessIntegrationTests {

	@LocalServerPort
	int port;

	PortalApiClient api() {
		return new PortalApiClient(this.port);
	}

	@Test
	void theApiRefusesCallsWithoutCredentialsOrWithAWrongOneAndCreatesNothing() throws Exception {
		String employee = unique("eve");
		String json = PortalApiClient.JSON.writeValueAsString(submission("question-to-hr-officer", employee, "en",
				VALID.get("question-to-hr-officer")));
		for (String authorization : new String[] { null, "Bearer wrong-key-0123456789-0123456789-abcdefgh",
				"Basic " + java.util.Base64.getEncoder().encodeToString(("portal:" + PortalApiClient.API_KEY).getBytes()),
				"Bearer " + PortalApiClient.API_KEY + "x" }) {
			PortalApiClient.Reply reply = api().submit(json, List.of(), authorization);
			assertThat(reply.status()).as("with %s", authorization).isEqualTo(401);
			assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
		}
		assertThat(api().get("/api/portal/catalogue", null).status()).isEqualTo(401);
		assertThat(api().get("/api/portal/tickets?employee=" + employee, "Bearer nope").status()).isEqualTo(401);
		assertThat(api().get("/api/portal/tickets?employee=" + employee).jsonList()).isEmpty();
	}

	@Test
	void apisNoModuleOpenedStayClosedEvenToThePortalWhilePublicPagesStayOpen() throws Exception {
		assertThat(api().get("/api/operations/anything").status()).isEqualTo(403);
		assertThat(api().get("/css/view.css", null).status()).isEqualTo(200);
		assertThat(api().get("/portal/link", null).status()).isEqualTo(200);
		assertThat(api().get("/t/not-a-token", null).status()).isEqualTo(404);
	}

	@Test
	void theCatalogueIsServedInTheLanguageAskedFor() throws Exception {
		Map<String, Object> catalogue = api().get("/api/portal/catalogue?lang=de").json();
		assertThat(catalogue).containsEntry("language", "de");
		List<Map<String, Object>> themes = (List<Map<String, Object>>) catalogue.get("themes");
		assertThat(themes).extracting(theme -> theme.get("title")).containsExactly("HR-Antr\u00e4ge", "Hilfe und Fragen");

		Map<String, Object> form = api().get("/api/portal/catalogue/forms/reduction-of-working-time?lang=fr").json();
		assertThat(form).containsEntry("title", "R\u00e9duction du temps de travail")
			.containsEntry("queue", "working-time-and-leave")
			.containsEntry("attachments", "required");
		List<Map<String, Object>> fields = (List<Map<String, Object>>) form.get("fields");
		assertThat(fields).extracting(field -> field.get("name"))
			.containsExactly("kind", "start-date", "end-date", "employment-status");
		assertThat(fields.get(0)).containsEntry("type", "select").containsEntry("required", true);
		assertThat((List<Map<String, Object>>) fields.get(0).get("options")).first()
			.isEqualTo(Map.of("value", "career-break", "label", "Interruption de carri\u00e8re"));
		assertThat(fields.get(2)).containsEntry("notBefore", "start-date");
		assertThat((List<Map<String, Object>>) form.get("documents")).extracting(document -> document.get("text"))
			.contains("Un certificat m\u00e9dical");

		assertThat(api().get("/api/portal/catalogue/forms/no-such-form").status()).isEqualTo(404);
	}

	@Test
	void searchingFormsFindsAKeywordOfAnyLanguageAndAnswersInTheLanguageAskedFor() throws Exception {
		List<Map<String, Object>> found = api().get("/api/portal/catalogue/search?q=ouderschapsverlof&lang=en").jsonList();
		assertThat(found).extracting(form -> form.get("title")).containsExactly("Reduction of working time");
		assertThat(api().get("/api/portal/catalogue/search?q=t%C3%A9l%C3%A9travail&lang=nl").jsonList())
			.extracting(form -> form.get("code")).containsExactly("telework-agreement");
	}

	@Test
	void anEmployeeFindsTheirOwnTicketsByNumberOrKeywordButNeverAnothersEvenByItsNumber() throws Exception {
		String anna = unique("anna");
		String bob = unique("bob");
		String annas = (String) api().submit(submission("household-composition", anna, "nl",
				VALID.get("household-composition")), twoFiles()).json().get("ticketNumber");
		String bobs = (String) api().submit(submission("commuting", bob, "nl", VALID.get("commuting")), List.of())
			.json()
			.get("ticketNumber");

		assertThat(search(anna, "")).containsExactly(annas);
		assertThat(search(anna, annas)).containsExactly(annas);
		assertThat(search(anna, "Lotte")).containsExactly(annas);
		assertThat(search(anna, bobs)).isEmpty();
		assertThat(search(anna, "Kerkstraat")).isEmpty();
		assertThat(search(bob, "Kerkstraat")).containsExactly(bobs);
		assertThat(search(bob.toUpperCase(), "")).containsExactly(bobs);
	}

	private List<Object> search(String employee, String query) throws Exception {
		PortalApiClient.Reply reply = api().get("/api/portal/tickets?employee="
				+ java.net.URLEncoder.encode(employee, java.nio.charset.StandardCharsets.UTF_8) + "&q="
				+ java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(reply.status()).isEqualTo(200);
		return reply.jsonList().stream().map(ticket -> ticket.get("number")).toList();
	}

}
