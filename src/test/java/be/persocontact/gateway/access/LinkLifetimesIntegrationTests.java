package be.persocontact.gateway.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.persocontact.gateway.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import static be.persocontact.gateway.TicketFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every link lives as long as the README's configuration table says, measured on the links people
 * actually get: in mails, on pages. A lifetime row in the README that no link here checks fails too.
 */
class LinkLifetimesIntegrationTests extends LinkIntegrationTestSupport {

	private static final Pattern README_ROW = Pattern.compile("^\\| `(GATEWAY_[A-Z_]+_LIFETIME)` \\| `(P[0-9A-Z]+)` \\|",
			Pattern.MULTILINE);

	@Test
	void everyLinkAnEmployeeOrOfficerGetsLivesAsLongAsTheReadmeSays() throws IOException {
		Map<String, Duration> readme = new LinkedHashMap<>();
		Matcher row = README_ROW.matcher(Files.readString(Path.of("README.md")));
		while (row.find()) {
			readme.put(row.group(1), Duration.parse(row.group(2)));
		}
		Case anna = openCase(unique("anna"), "Medisch attest");
		Instant now = Instant.now();

		Map<String, Duration> measured = new LinkedHashMap<>();
		measured.put("GATEWAY_ACCESS_VIEW_LIFETIME",
				lifetime(linkInMail(anna, "acknowledgement", "/t/"), LinkPurpose.VIEW_TICKET, now));
		String viewPage = this.fixture.get(pageLinks(anna).get("view"), AGENT).body();
		measured.put("GATEWAY_ACCESS_ATTACHMENT_LIFETIME",
				lifetime(find(viewPage, "/d/"), LinkPurpose.DOWNLOAD_ATTACHMENT, now));
		assertThat(this.fixture.post(pageLinks(anna).get("view") + "/my-cases", "").statusCode()).isEqualTo(200);
		String myCases = find(this.jdbc.queryForObject("SELECT text_body FROM outbound_mail WHERE recipient = ? AND kind = "
				+ "'my-cases-link'", String.class, anna.requester()), "/me/");
		measured.put("GATEWAY_ACCESS_MY_CASES_LIFETIME", lifetime(myCases, LinkPurpose.MY_CASES, now));
		measured.put("GATEWAY_ACCESS_LISTED_LINK_LIFETIME",
				lifetime(find(this.fixture.get(myCases, AGENT).body(), "/t/"), LinkPurpose.VIEW_TICKET, now));
		this.fixture.changeStatus(anna.number(), TicketStatus.ASSIGNED, TicketStatus.WORK_IN_PROGRESS,
				TicketStatus.AWAITING_ACCEPTANCE);
		measured.put("GATEWAY_ACCESS_DECISION_LIFETIME",
				lifetime(linkInMail(anna, "solution-proposed", "/a/"), LinkPurpose.ACCEPT_SOLUTION, now));
		measured.put("GATEWAY_PORTAL_LINK_LIFETIME",
				lifetime(portalLink(anna.requester()), LinkPurpose.PORTAL_PAGES, now));
		String announcementReplyTo = this.jdbc.queryForObject("SELECT reply_to FROM outbound_mail WHERE ticket_id = ? "
				+ "AND kind = 'queue-new-ticket' ORDER BY id LIMIT 1", String.class, anna.id());
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
		measured.put("GATEWAY_QUEUES_REPLY_TOKEN_LIFETIME", Duration.ofDays(ChronoUnit.DAYS.between(today,
				this.replyAddresses.queueTokenOf(announcementReplyTo, HELPDESK, List.of(QUEUE), today).validUntil())));

		// to the minute: the links were issued a moment after "now"
		Map<String, Duration> toTheMinute = new LinkedHashMap<>();
		measured.forEach((setting, lifetime) -> toTheMinute.put(setting,
				Duration.ofMinutes(Math.round(lifetime.toSeconds() / 60.0))));
		assertThat(toTheMinute).as("lifetimes measured on real links, by README row; every row is checked")
			.containsExactlyInAnyOrderEntriesOf(readme);
	}

	/** How long from {@code now} the token at the end of that path stays valid. */
	private Duration lifetime(String path, LinkPurpose purpose, Instant now) {
		String token = path.substring(path.lastIndexOf('/') + 1);
		LinkVerification verification = this.links.verify(token, purpose);
		assertThat(verification).as(path).isInstanceOf(LinkVerification.Valid.class);
		return Duration.between(now, ((LinkVerification.Valid) verification).expiresAt());
	}

	private String linkInMail(Case c, String kind, String prefix) {
		return find(this.jdbc.queryForObject("SELECT text_body FROM outbound_mail WHERE ticket_id = ? AND kind = ? "
				+ "ORDER BY id LIMIT 1", String.class, c.id(), kind), prefix);
	}

	private static String find(String text, String prefix) {
		Matcher link = Pattern.compile("https?://[^/\\s\"]+(" + Pattern.quote(prefix) + "[A-Za-z0-9_-]+)").matcher(text);
		assertThat(link.find()).as("a %s link in %s", prefix, text).isTrue();
		return link.group(1);
	}

}
