package be.persocontact.gateway.console;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import be.persocontact.gateway.TicketFixture;
import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.ticket.RequesterMessage;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketNumber;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator console over HTTP as a browser uses it: the login with the operator token, the session
 * cookie, the CSRF token on every form, the logout after inactivity, and each action reaching the module
 * that owns it.
 */
class ConsoleIntegrationTests extends ConsoleTestSupport {

	@Autowired
	TicketManagement tickets;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	SignedLinks links;

	@Test
	void theRightTokenOpensAShortSessionInAnHttpOnlySameSiteStrictCookieScopedToTheConsole() {
		HttpResponse<String> before = get("/ops/console/inbound");
		assertThat(before.statusCode()).isEqualTo(302);
		assertThat(location(before)).isEqualTo("/ops/console/login");

		HttpResponse<String> page = get("/ops/console/login");
		assertThat(page.statusCode()).isEqualTo(200);
		String planted = sessionCookie(page);
		assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("GATEWAY_CONSOLE=").contains("Path=/ops/console").contains("HttpOnly").contains("SameSite=Strict"));

		HttpResponse<String> loggedIn = post("/ops/console/login",
				Map.of("operator", "jan@hr", "token", OPS_TOKEN, "_csrf", csrfOf(page.body())));
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(location(loggedIn)).isEqualTo("/ops/console/inbound");
		assertThat(sessionCookie(loggedIn)).as("a new session id after the login").isNotBlank().isNotEqualTo(planted);

		HttpResponse<String> inbound = get("/ops/console/inbound");
		assertThat(inbound.statusCode()).isEqualTo(200);
		assertThat(inbound.body()).contains("Inbound mails", "jan@hr", "Log out");
		assertThat(post("/ops/console/logout", Map.of("_csrf", csrfOf(page.body()))).statusCode())
			.as("the login page's CSRF token is void after the login").isEqualTo(403);
	}

	@Test
	void aWrongTokenIsRefusedAndAfterThreeTheRightOneToo_OnTheApiAsWell_UntilTheWindowEnds() {
		HttpResponse<String> wrong = login("jan@hr", OPS_TOKEN + "x");
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.body()).contains("The operator token is wrong.");
		assertThat(get("/ops/console/inbound").statusCode()).as("still not logged in").isEqualTo(302);
		login("jan@hr", "wrong");
		login("jan@hr", OPS_TOKEN.substring(1));

		HttpResponse<String> throttled = login("jan@hr", OPS_TOKEN);
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
		assertThat(throttled.body()).contains("Too many wrong tokens");
		assertThat(api("/api/ops/inbound").statusCode()).as("the API counts the console's wrong tokens").isEqualTo(429);

		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
			.until(() -> login("jan@hr", OPS_TOKEN).statusCode() == 302);
		assertThat(get("/ops/console/inbound").statusCode()).isEqualTo(200);
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
		HttpResponse<String> loginWithoutToken = post("/ops/console/login", Map.of("operator", "jan", "token", OPS_TOKEN));
		assertThat(loginWithoutToken.statusCode()).isEqualTo(403);
		assertThat(login("jan@hr", OPS_TOKEN).statusCode()).isEqualTo(302);
		String anna = unique("anna");
		int before = revocations();

		assertThat(post("/ops/console/links/recipient", Map.of("address", anna, "reason", "forged")).statusCode())
			.isEqualTo(403);
		assertThat(post("/ops/console/links/recipient",
				Map.of("address", anna, "reason", "forged", "_csrf", "not-the-token")).statusCode()).isEqualTo(403);
		assertThat(revocations()).isEqualTo(before);

		assertThat(submit("/ops/console/links", "/ops/console/links/recipient", Map.of("address", anna, "reason", "forwarded"))
			.statusCode()).isEqualTo(302);
		assertThat(revocations()).isEqualTo(before + 1);
	}

	@Test
	void aFormPostedAfterTheServerForgotTheSessionLeadsToTheLoginPageAndChangesNothing() {
		int before = revocations();
		HttpResponse<String> forgotten = send(java.net.http.HttpRequest.newBuilder(uri("/ops/console/links/recipient"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "GATEWAY_CONSOLE=0123456789ABCDEF0123456789ABCDEF")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("address=anna%40example.org&reason=x&_csrf=old"))
			.build());
		assertThat(forgotten.statusCode()).isEqualTo(302);
		assertThat(location(forgotten)).isEqualTo("/ops/console/login?expired");
		assertThat(revocations()).isEqualTo(before);
	}

	@Test
	void anOperatorIdleForTheInactivityPeriodIsLoggedOutAndEvenAnActiveOneAfterTheSessionLifetime() {
		assertThat(login("jan@hr", OPS_TOKEN).statusCode()).isEqualTo(302);
		this.clock.moveBy(Duration.ofMinutes(14).plusSeconds(50));
		assertThat(get("/ops/console/inbound").statusCode()).as("14:50 idle").isEqualTo(200);
		this.clock.moveBy(Duration.ofMinutes(15).plusSeconds(1));
		HttpResponse<String> idle = get("/ops/console/inbound");
		assertThat(idle.statusCode()).isEqualTo(302);
		assertThat(location(idle)).isEqualTo("/ops/console/login?expired");
		assertThat(get("/ops/console/inbound").statusCode()).as("the session is gone").isEqualTo(302);
		assertThat(get("/ops/console/login?expired").body()).contains("Your session ended");

		assertThat(login("jan@hr", OPS_TOKEN).statusCode()).isEqualTo(302);
		for (int i = 0; i < 8; i++) {
			this.clock.moveBy(Duration.ofMinutes(14));
			assertThat(get("/ops/console/retention").statusCode()).as("active after " + (i + 1) * 14 + " min").isEqualTo(200);
		}
		this.clock.moveBy(Duration.ofMinutes(14));
		assertThat(location(get("/ops/console/retention"))).as("past the two hours").isEqualTo("/ops/console/login?expired");
	}

	@Test
	void theLogoutEndsTheSession() {
		login("jan@hr", OPS_TOKEN);
		HttpResponse<String> out = submit("/ops/console/inbound", "/ops/console/logout", Map.of());
		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(location(out)).isEqualTo("/ops/console/login?loggedOut");
		assertThat(get("/ops/console/inbound").statusCode()).isEqualTo(302);
	}

	@Test
	void inboundMailsAreListedByOutcomeWithTheirReasonTheRawMailDownloadsAndAQuarantinedOneIsReplayed() {
		String anna = unique("anna");
		long id = quarantined(anna, "Attest na herstel");
		login("jan@hr", OPS_TOKEN);

		String list = get("/ops/console/inbound?outcome=QUARANTINED").body();
		assertThat(list).contains("inbound-" + id, "Attest na herstel", "stuck in a test", "Replay");
		assertThat(get("/ops/console/inbound?outcome=TICKET_CREATED").body()).doesNotContain("inbound-" + id + "\"");

		HttpResponse<String> raw = get("/ops/console/inbound/" + id + "/raw");
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.headers().firstValue("Content-Type")).get().asString().startsWith("message/rfc822");
		assertThat(raw.body()).contains("Subject: Attest na herstel");

		HttpResponse<String> replayed = submit("/ops/console/inbound?outcome=QUARANTINED",
				"/ops/console/inbound/" + id + "/replay?outcome=QUARANTINED", Map.of());
		assertThat(replayed.statusCode()).isEqualTo(302);
		assertThat(get(location(replayed)).body()).contains("Mail " + id + " was processed again: TICKET_CREATED.");
		assertThat(this.jdbc.queryForObject("SELECT outcome FROM inbound_message WHERE id = ?", String.class, id))
			.isEqualTo("TICKET_CREATED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", Integer.class, anna))
			.isOne();

		HttpResponse<String> again = submit("/ops/console/inbound", "/ops/console/inbound/" + id + "/replay", Map.of());
		assertThat(get(location(again)).body()).contains("Mail " + id + " could not be replayed",
				"Only a quarantined or failed message can be replayed");
	}

	@Test
	void aFailingAddressIsListedAndCleared() {
		String bouncing = unique("bouncing");
		this.jdbc.update("INSERT INTO failing_address (address, permanent_failures, last_failure_at, last_status, "
				+ "failing_since) VALUES (?, 3, ?, '5.1.1', ?)", bouncing, Timestamp.from(Instant.now()),
				Timestamp.from(Instant.now()));
		login("jan@hr", OPS_TOKEN);
		assertThat(get("/ops/console/failing-addresses").body()).contains(bouncing, "5.1.1");

		HttpResponse<String> cleared = submit("/ops/console/failing-addresses", "/ops/console/failing-addresses/clear",
				Map.of("address", bouncing));
		assertThat(get(location(cleared)).body()).contains("Mail goes to " + bouncing + " again")
			.doesNotContain("<td>" + bouncing + "</td>");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM failing_address WHERE address = ? AND failing_since IS NOT NULL",
				Integer.class, bouncing)).isZero();
	}

	@Test
	void theLinksOfATicketAreWithdrawnUnderTheOperatorsName() {
		String anna = unique("anna");
		TicketNumber number = open(anna);
		long ticketId = this.tickets.find(number).orElseThrow().id();
		String view = TicketFixture.pathOf(this.links.ticketViewUrl(ticketId, anna));
		assertThat(get(view).statusCode()).isEqualTo(200);
		login("an.peeters@hr", OPS_TOKEN);

		HttpResponse<String> revoked = submit("/ops/console/links", "/ops/console/links/ticket",
				Map.of("number", number.value().toLowerCase(), "reason", "mail forwarded to a colleague"));
		String page = get(location(revoked)).body();
		assertThat(page).contains("Withdrawn (TICKET " + number.value() + ")", "an.peeters@hr", "mail forwarded to a colleague");
		assertThat(get(view).statusCode()).isEqualTo(410);

		HttpResponse<String> unknown = submit("/ops/console/links", "/ops/console/links/ticket",
				Map.of("number", "HRB9999999", "reason", "x"));
		assertThat(get(location(unknown)).body()).contains("No ticket HRB9999999.");
	}

	@Test
	void aPersonsDataIsExportedAndErasedOnlyAfterTheConfirmationNamesThemAgain() throws Exception {
		String anna = unique("anna");
		TicketNumber number = open(anna);
		login("jan@hr", OPS_TOKEN);

		HttpResponse<byte[]> export = this.browser.send(java.net.http.HttpRequest.newBuilder(uri("/ops/console/privacy/export"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("address=" + java.net.URLEncoder.encode(anna,
					StandardCharsets.UTF_8) + "&reason=access+request&_csrf=" + csrfOf(get("/ops/console/privacy").body())))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type")).get().asString().startsWith("application/zip");
		assertThat(new String(export.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

		HttpResponse<String> asked = submit("/ops/console/privacy", "/ops/console/privacy/erasure",
				Map.of("address", anna, "reason", "erasure request", "includeUnfinishedTickets", "true"));
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(asked.body()).contains("Confirm the erasure", number.value(), "Tickets of this address: 1");
		assertThat(this.tickets.find(number)).as("nothing erased by the first step").get()
			.satisfies(ticket -> assertThat(ticket.requester().address()).isEqualTo(anna));

		Map<String, String> confirmation = new java.util.LinkedHashMap<>(Map.of("address", anna, "reason", "erasure request",
				"includeUnfinishedTickets", "true", "keepTicketShells", "", "confirm", "someone.else@example.org"));
		confirmation.put("_csrf", csrfOf(asked.body()));
		HttpResponse<String> mistyped = post("/ops/console/privacy/erasure/confirmed", confirmation);
		assertThat(get(location(mistyped)).body()).contains("Nothing was erased");
		assertThat(this.tickets.find(number).orElseThrow().requester().address()).isEqualTo(anna);

		confirmation.put("confirm", anna.toUpperCase());
		HttpResponse<String> erased = post("/ops/console/privacy/erasure/confirmed", confirmation);
		String page = get(location(erased)).body();
		assertThat(page).contains("Erased (request", number.value()).contains("ERASURE", "EXPORT", "jan@hr");
		assertThat(this.tickets.find(number).map(ticket -> ticket.requester().address()).orElse(null)).isNotEqualTo(anna);
	}

	@Test
	void theAccessReportOfATicketAndTheRetentionInForceAreShown() {
		String anna = unique("anna");
		TicketNumber number = open(anna);
		long ticketId = this.tickets.find(number).orElseThrow().id();
		get(TicketFixture.pathOf(this.links.ticketViewUrl(ticketId, anna)));
		login("jan@hr", OPS_TOKEN);

		String report = get("/ops/console/privacy?ticket=" + number.value().toLowerCase()).body();
		assertThat(report).contains("Access report of " + number.value(), "VIEW_TICKET", "REQUESTER", "GRANTED");

		String retention = get("/ops/console/retention").body();
		assertThat(retention).contains("Periods in force", "Next purge at the latest").containsPattern("<td>raw-mails</td><td>P[T0-9HDMS]+</td>");
	}

	@Test
	void theConsoleSpeaksTheOperatorsLanguage() {
		login("jan@hr", OPS_TOKEN);
		HttpResponse<String> dutch = send(java.net.http.HttpRequest.newBuilder(uri("/ops/console/inbound"))
			.header("Accept-Language", "nl")
			.build());
		assertThat(dutch.body()).contains("Inkomende mails", "Afmelden", "Resultaat").doesNotContain("Inbound mails");
		HttpResponse<String> french = send(java.net.http.HttpRequest.newBuilder(uri("/ops/console/failing-addresses"))
			.header("Accept-Language", "fr")
			.build());
		assertThat(french.body()).contains("Adresses en échec", "Se déconnecter");
	}

	private TicketNumber open(String address) {
		return this.transaction.execute(status -> this.tickets
			.open(new RequesterMessage(address, "Anna", "nl", "Attest", "Hierbij mijn attest.", null, List.of()))
			.ticket());
	}

	private int revocations() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM link_revocation", Integer.class);
	}

	private HttpResponse<String> api(String path) {
		return send(java.net.http.HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + OPS_TOKEN).build());
	}

	private static String sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("GATEWAY_CONSOLE="))
			.map(cookie -> cookie.substring("GATEWAY_CONSOLE=".length(), cookie.indexOf(';')))
			.findFirst()
			.orElse("");
	}

}
