package be.persocontact.gateway.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static be.persocontact.gateway.portal.PortalSubmissionIntegrationTests.VALID;
import static be.persocontact.gateway.portal.PortalSubmissionIntegrationTests.submission;
import static be.persocontact.gateway.portal.PortalSubmissionIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal API in its production set-up: bearer JWTs of one issuer, for the gateway's audience, from
 * the portal's client with the helpdesk scope. A token an employee's session holds acts for that employee
 * only; the portal's back end acts for any employee through the on-behalf-of scope. Every refusal says
 * why in a problem body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalApiAuthorisationIntegrationTests {

	static final TestIssuer IDP = new TestIssuer();

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry properties) {
		properties.add("gateway.portal.jwt.issuer-uri", () -> TestIssuer.ISSUER);
		properties.add("gateway.portal.jwt.jwk-set-uri", IDP::keySetUri);
		properties.add("gateway.portal.jwt.audience", () -> TestIssuer.AUDIENCE);
		properties.add("gateway.portal.jwt.client-ids", () -> "hr-portal");
		properties.add("gateway.portal.jwt.scope", () -> "helpdesk");
	}

	@LocalServerPort
	int port;

	PortalApiClient api() {
		return new PortalApiClient(this.port);
	}

	static String employeeToken(String address) {
		return "Bearer " + IDP.token(Map.of("azp", "hr-portal", "scope", "openid helpdesk", "email", address));
	}

	static String backEndToken() {
		return "Bearer " + IDP.token(Map.of("client_id", "hr-portal", "scope", "helpdesk persocontact.on-behalf-of"));
	}

	@Test
	void anEmployeesTokenSubmitsAndFindsThatEmployeesOwnRequests() throws Exception {
		String anna = unique("anna");
		PortalApiClient.Reply created = submit(anna, employeeToken(anna));
		assertThat(created.status()).isEqualTo(201);

		assertThat(tickets(anna, employeeToken(anna.toUpperCase())).jsonList()).extracting(ticket -> ticket.get("number"))
			.containsExactly(created.json().get("ticketNumber"));
	}

	@Test
	void anEmployeesTokenNeverReadsNorSubmitsForAnotherEmployee() throws Exception {
		String anna = unique("anna");
		String bob = unique("bob");
		assertThat(submit(bob, backEndToken()).status()).isEqualTo(201);

		PortalApiClient.Reply peek = tickets(bob, employeeToken(anna));
		assertThat(peek.status()).isEqualTo(403);
		assertThat(peek.contentType()).startsWith("application/problem+json");
		assertThat(peek.json()).containsEntry("type", "/problems/not-this-employee")
			.containsEntry("status", 403)
			.extractingByKey("detail")
			.asString()
			.contains("email", "persocontact.on-behalf-of");
		assertThat(peek.body()).doesNotContain("HRB");

		PortalApiClient.Reply forged = submit(bob, employeeToken(anna));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(forged.json()).containsEntry("type", "/problems/not-this-employee");
		assertThat(tickets(bob, backEndToken()).jsonList()).as("only bob's own earlier request").hasSize(1);

		PortalApiClient.Reply nobody = tickets(bob, "Bearer "
				+ IDP.token(Map.of("azp", "hr-portal", "scope", "helpdesk")));
		assertThat(nobody.status()).as("a token naming no employee and without on-behalf-of").isEqualTo(403);
	}

	@Test
	void thePortalsBackEndActsForAnyEmployeeThroughTheOnBehalfOfScope() throws Exception {
		String carla = unique("carla");
		PortalApiClient.Reply created = submit(carla, backEndToken());
		assertThat(created.status()).isEqualTo(201);
		assertThat(tickets(carla, backEndToken()).jsonList()).extracting(ticket -> ticket.get("number"))
			.containsExactly(created.json().get("ticketNumber"));
	}

	@Test
	void tokensOfAnotherIssuerOrAudienceOrKeyOrExpiredAre401WithAProblemSayingWhy() throws Exception {
		String anna = unique("anna");
		Map<String, Object> claims = Map.of("azp", "hr-portal", "scope", "helpdesk", "email", anna);
		Map<String, String> refused = Map.of(
				IDP.token(TestIssuer.ISSUER, "payroll-service", 300, claims), "aud",
				IDP.token("https://evil.test", TestIssuer.AUDIENCE, 300, claims), "iss",
				IDP.token(TestIssuer.ISSUER, TestIssuer.AUDIENCE, -300, claims), "expired",
				IDP.forged(claims), "no matching key");
		for (Map.Entry<String, String> token : refused.entrySet()) {
			PortalApiClient.Reply reply = submit(anna, "Bearer " + token.getKey());
			assertThat(reply.status()).as(token.getValue()).isEqualTo(401);
			assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).get()
				.asString()
				.contains("Bearer", "invalid_token");
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.json()).as(token.getValue())
				.containsEntry("type", "/problems/unauthenticated")
				.containsEntry("status", 401)
				.containsKey("detail")
				.extractingByKey("reason")
				.asString()
				.containsIgnoringCase(token.getValue());
		}
		assertThat(tickets(anna, backEndToken()).jsonList()).as("nothing was created").isEmpty();
	}

	@Test
	void aGenuineTokenOfAnotherClientOrWithoutTheScopeIs403WithAProblemSayingWhy() throws Exception {
		String anna = unique("anna");
		PortalApiClient.Reply otherClient = tickets(anna,
				"Bearer " + IDP.token(Map.of("azp", "payroll-app", "scope", "helpdesk", "email", anna)));
		assertThat(otherClient.status()).isEqualTo(403);
		assertThat(otherClient.json()).containsEntry("type", "/problems/forbidden")
			.extractingByKey("detail")
			.asString()
			.contains("payroll-app");

		PortalApiClient.Reply noScope = submit(anna,
				"Bearer " + IDP.token(Map.of("azp", "hr-portal", "scope", "openid profile", "email", anna)));
		assertThat(noScope.status()).isEqualTo(403);
		assertThat(noScope.raw().headers().firstValue("WWW-Authenticate")).get().asString().contains("insufficient_scope");
		assertThat(noScope.json()).containsEntry("type", "/problems/forbidden")
			.extractingByKey("detail")
			.asString()
			.contains("helpdesk");
		assertThat(tickets(anna, backEndToken()).jsonList()).as("nothing was created").isEmpty();
	}

	private PortalApiClient.Reply submit(String employee, String authorization) throws Exception {
		String json = PortalApiClient.JSON
			.writeValueAsString(submission("commuting", employee, "nl", VALID.get("commuting")));
		return api().submit(json, List.of(), authorization);
	}

	private PortalApiClient.Reply tickets(String employee, String authorization) throws Exception {
		return api().get("/api/portal/tickets?employee=" + URLEncoder.encode(employee, StandardCharsets.UTF_8),
				authorization);
	}

}
