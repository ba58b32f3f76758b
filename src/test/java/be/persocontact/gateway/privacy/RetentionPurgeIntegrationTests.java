package be.persocontact.gateway.privacy;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import be.persocontact.gateway.portal.PortalLinks;
import be.persocontact.gateway.portal.SubmissionOutcome;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each kind of personal data goes on the day its retention period ends, and not a second before: a closed
 * ticket's raw mails, file texts, files, message texts and access log, each counted from the closing, and
 * the mails and notices that never became a ticket, each counted from its own time. What is left of the
 * ticket is its shell, and every purge leaves a record. The periods here are short and all different, so
 * that each kind is seen going on its own; time is what the test says it is.
 */
@TestPropertySource(properties = { "gateway.privacy.retention.raw-mails=P20D",
		"gateway.privacy.retention.attachment-texts=P21D", "gateway.privacy.retention.attachment-files=P22D",
		"gateway.privacy.retention.message-texts=P40D", "gateway.privacy.retention.access-log=P50D",
		"gateway.privacy.retention.ignored-mails=P5D", "gateway.privacy.retention.duplicate-mails=P6D",
		"gateway.privacy.retention.rejected-mails=P7D", "gateway.privacy.retention.quarantined-mails=P8D",
		"gateway.privacy.retention.notices=P9D", "gateway.privacy.retention.portal-visitors=P11D",
		"gateway.privacy.retention.failing-addresses=P12D", "gateway.privacy.batch-size=2",
		"gateway.intake.max-message-size=30KB", "gateway.intake.trusted-authserv-ids=mx.persocontact.local" })
class RetentionPurgeIntegrationTests extends PrivacyTestSupport {

	private static final Duration SECOND = Duration.ofSeconds(1);

	@Autowired
	RetentionPurge purge;

	@Autowired
	PortalLinks portalLinks;

	@Autowired
	CamelContext camel;

	@Test
	void aClosedTicketLosesEachKindOfItsDataWhenItsPeriodEndsAndKeepsItsShell() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String requester = unique("retention");
		String number = requestWithFile(requester, "Rita Bewaar" + tag, "Medisch attest " + tag,
				"Mijn diagnose luidt zeldzaam" + tag + ".\n\n-- \nRita Bewaar" + tag + "\nDienst Onderwijs",
				"attest-" + tag + ".txt", "Bestandtekst" + tag + " van de arts.");
		await().until(() -> count("SELECT COUNT(*) FROM ticket_attachment a JOIN ticket t ON t.id = a.ticket_id "
				+ "WHERE t.number = ? AND a.accepted", number) == 1);
		assertThat(openView(number, requester).statusCode()).isEqualTo(200);
		Instant closed = close(number, requester, "Antwoord" + tag);
		// months before any period ends, the mails the closing caused have gone out
		await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM outbound_mail "
				+ "WHERE ticket_id = ? AND status = 'PENDING'", ticketId(number)) == 0);
		int statusChanges = count("SELECT COUNT(*) FROM timeline_entry e JOIN ticket t ON t.id = e.ticket_id "
				+ "WHERE t.number = ? AND e.kind = 'STATUS_CHANGE' AND e.status_to IS NOT NULL", number);
		long inboundId = this.jdbc.queryForObject("SELECT id FROM inbound_message WHERE ticket_number = ? "
				+ "AND outcome = 'TICKET_CREATED'", Long.class, number);

		purgedOnTime("raw mails", closed, Duration.ofDays(20), () -> count("SELECT COUNT(*) FROM inbound_message "
				+ "WHERE ticket_number = ? AND LENGTH(raw) > 0", number) > 0);
		assertThat(ops("GET", "/api/ops/inbound/" + inboundId + "/raw", null).statusCode()).isEqualTo(410);
		assertThat(columnsHolding("zeldzaam" + tag)).as("the texts are kept: only the raw mail went")
			.contains("timeline_entry.body");

		purgedOnTime("file texts", closed, Duration.ofDays(21), () -> columnsHolding("Bestandtekst" + tag)
			.contains("ticket_attachment.extracted_text"));

		purgedOnTime("files", closed, Duration.ofDays(22), () -> count("SELECT COUNT(*) FROM ticket_attachment a "
				+ "JOIN ticket t ON t.id = a.ticket_id JOIN stored_file f ON f.id = a.stored_file_id WHERE t.number = ?",
				number) > 0);
		assertThat(columnsHolding("attest-" + tag)).as("the file's name went with it (the mails sent keep it until the "
				+ "texts go)").doesNotContain("ticket_attachment.original_name");
		assertThat(columnsHolding("Bestandtekst" + tag)).as("the bytes are gone").doesNotContain("stored_file.content");
		HttpResponse<String> view = openView(number, requester);
		assertThat(view.body()).contains("Bestand verwijderd na de bewaartermijn").doesNotContain("/d/");

		purgedOnTime("message texts", closed, Duration.ofDays(40), () -> !columnsHolding(requester).isEmpty());
		for (String word : List.of("zeldzaam" + tag, "Antwoord" + tag, "Medisch attest " + tag, "Rita Bewaar" + tag,
				"attest-" + tag, "Bestandtekst" + tag)) {
			assertThat(columnsHolding(word)).as("nothing holds '%s' any more", word).isEmpty();
		}

		purgedOnTime("access log", closed, Duration.ofDays(50), () -> count("SELECT COUNT(*) FROM link_access "
				+ "WHERE ticket_id = ?", ticketId(number)) > 0);

		assertThat(this.jdbc.queryForMap("SELECT status, queue_code, requester_language FROM ticket WHERE number = ?",
				number))
			.as("the shell: number, status, queue, language")
			.containsEntry("status", "CLOSED_COMPLETE")
			.containsEntry("requester_language", "nl")
			.satisfies(shell -> assertThat(shell.get("queue_code")).isNotNull());
		assertThat(count("SELECT COUNT(*) FROM timeline_entry e JOIN ticket t ON t.id = e.ticket_id WHERE t.number = ? "
				+ "AND e.kind = 'STATUS_CHANGE' AND e.status_to IS NOT NULL", number))
			.as("the status history").isEqualTo(statusChanges);
		assertThat(count("SELECT COUNT(*) FROM inbound_message WHERE id = ? AND outcome = 'TICKET_CREATED'", inboundId))
			.as("the mail's outcome, for statistics").isOne();
		assertThat(this.jdbc.queryForList("SELECT kind FROM retention_purge WHERE ticket_number = ? "
				+ "AND purged_at IS NOT NULL ORDER BY kind", String.class, number))
			.as("a record per kind purged")
			.containsExactly("access-log", "attachment-files", "attachment-texts", "message-texts", "raw-mails");
	}

	@Test
	void mailsAndNoticesThatNeverBecameATicketGoAfterTheirOwnPeriod() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String[] robots = { unique("robot-a"), unique("robot-b"), unique("robot-c") };
		for (String robot : robots) {
			this.mail.sendRaw(mailFrom(robot, null, "Afwezig " + tag, "Ik ben afwezig.", "nl")
				.replace("Content-Type:", "Auto-Submitted: auto-replied\nContent-Type:"), helpdesk());
		}
		String twice = unique("twice");
		String sameMail = mailFrom(twice, null, "Tweemaal " + tag, "Dezelfde mail.", "nl");
		this.mail.sendRaw(sameMail, helpdesk());
		awaitProcessed(twice, 1);
		this.mail.sendRaw(sameMail, helpdesk());
		String large = unique("large");
		this.mail.sendRaw(mailFrom(large, null, "Groot " + tag, "x".repeat(40_000), "nl"), helpdesk());
		String forged = unique("forged");
		this.mail.sendRaw(mailFrom(forged, null, "Vals " + tag, "Niet echt.", "nl").replace("Content-Type:",
				"Authentication-Results: mx.persocontact.local; dmarc=fail header.from=example.org\nContent-Type:"),
				helpdesk());
		await().until(() -> count("SELECT COUNT(*) FROM inbound_message WHERE subject LIKE ? AND outcome NOT IN "
				+ "('RECEIVED', 'FAILED')", "%" + tag) == 7);
		assertThat(outcomeOfLast(twice)).isEqualTo("DUPLICATE");
		assertThat(outcomeOfLast(large)).isEqualTo("REJECTED_TOO_LARGE");
		assertThat(outcomeOfLast(forged)).isEqualTo("QUARANTINED");
		String refusedEmployee = "E-" + tag;
		assertThat(this.submissions.submit(new be.persocontact.gateway.portal.Submission("no-such-form", refusedEmployee,
				unique("refused"), "Employee", "nl", java.util.Map.of(), null, tag, List.of()), "portal-test", "nl"))
			.isInstanceOf(SubmissionOutcome.Refused.class);
		String visitor = unique("visitor");
		this.portalLinks.sendLink(visitor, "nl");
		String link = this.jdbc.queryForObject("SELECT text_body FROM outbound_mail WHERE recipient = ?", String.class,
				visitor);
		String token = link.substring(link.indexOf("/portal/") + 8).split("[\\s\"<]")[0];
		assertThat(get("/portal/" + token).statusCode()).isEqualTo(200);
		String bouncing = unique("bouncing");
		Instant bounced = Instant.now();
		this.jdbc.update("INSERT INTO failing_address (address, permanent_failures, last_failure_at, last_status, "
				+ "failing_since) VALUES (?, 3, ?, '5.1.1', ?)", bouncing, Timestamp.from(bounced), Timestamp.from(bounced));
		await().until(() -> count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", large) == 1);

		// in the order they were received: the intake takes a poll's mails in parallel
		java.util.Arrays.sort(robots, java.util.Comparator.comparing(this::received));
		for (String robot : robots) {
			purgedOnTime("an auto-reply", received(robot), Duration.ofDays(5),
					() -> count("SELECT COUNT(*) FROM inbound_message WHERE sender = ?", robot) > 0);
		}
		purgedOnTime("a second copy", this.jdbc.queryForObject("SELECT received_at FROM inbound_message WHERE sender = ? "
				+ "AND outcome = 'DUPLICATE'", Timestamp.class, twice).toInstant(), Duration.ofDays(6),
				() -> count("SELECT COUNT(*) FROM inbound_message WHERE sender = ? AND outcome = 'DUPLICATE'", twice) > 0);
		assertThat(count("SELECT COUNT(*) FROM inbound_message WHERE sender = ?", twice))
			.as("the original is its ticket's, kept").isOne();
		purgedOnTime("a mail too large", received(large), Duration.ofDays(7),
				() -> count("SELECT COUNT(*) FROM inbound_message WHERE sender = ?", large) > 0);
		purgedOnTime("a refused portal submission", this.jdbc.queryForObject("SELECT received_at FROM portal_submission "
				+ "WHERE employee_id = ?", Timestamp.class, refusedEmployee).toInstant(), Duration.ofDays(7),
				() -> count("SELECT COUNT(*) FROM portal_submission WHERE employee_id = ?", refusedEmployee) > 0);
		purgedOnTime("a quarantined mail", received(forged), Duration.ofDays(8),
				() -> count("SELECT COUNT(*) FROM inbound_message WHERE sender = ?", forged) > 0);
		for (String recipient : List.of(large, visitor)) {
			purgedOnTime("a notice", this.jdbc.queryForObject("SELECT created_at FROM outbound_mail WHERE recipient = ?",
					Timestamp.class, recipient).toInstant(), Duration.ofDays(9),
					() -> count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", recipient) > 0);
		}
		purgedOnTime("a portal visitor", this.jdbc.queryForObject("SELECT last_link_at FROM portal_visitor "
				+ "WHERE address = ?", Timestamp.class, visitor).toInstant(), Duration.ofDays(11),
				() -> count("SELECT COUNT(*) FROM portal_visitor WHERE address = ?", visitor) > 0);
		purgedOnTime("a failing address", bounced, Duration.ofDays(12),
				() -> count("SELECT COUNT(*) FROM failing_address WHERE address = ?", bouncing) > 0);
		Instant visited = this.jdbc.queryForObject("SELECT MAX(accessed_at) FROM link_access WHERE ticket_id IS NULL "
				+ "AND purpose = 'PORTAL_PAGES'", Timestamp.class).toInstant();
		purgedOnTime("a portal page's access log", visited, Duration.ofDays(50), () -> count("SELECT COUNT(*) "
				+ "FROM link_access WHERE ticket_id IS NULL AND accessed_at = ?", Timestamp.from(visited)) > 0);

		assertThat(this.jdbc.queryForList("SELECT detail FROM retention_purge WHERE kind = 'ignored-mails' "
				+ "AND ticket_id IS NULL", String.class))
			.as("every batch is recorded with the rows it took, never an address")
			.isNotEmpty()
			.allSatisfy(detail -> assertThat(detail).startsWith("inbound_message ids ").doesNotContain("@"));
	}

	@Test
	void aRunWhileAnotherInstanceHoldsTheClaimDoesNothingUntilTheClaimExpires() {
		String robot = unique("claimed");
		this.mail.sendRaw(mailFrom(robot, null, "Afwezig", "Ik ben afwezig.", "nl")
			.replace("Content-Type:", "Auto-Submitted: auto-replied\nContent-Type:"), helpdesk());
		awaitProcessed(robot, 1);
		Instant at = received(robot).plus(Duration.ofDays(5));
		this.jdbc.update("UPDATE retention_claim SET claimed_by = 'another-instance', claimed_until = ?",
				Timestamp.from(at.plus(Duration.ofMinutes(10))));

		assertThat(this.purge.run(at).claimed()).isFalse();
		assertThat(count("SELECT COUNT(*) FROM inbound_message WHERE sender = ?", robot)).isOne();

		RetentionPurge.Run after = this.purge.run(at.plus(Duration.ofMinutes(10)));
		assertThat(after.claimed()).as("the other instance's lease ran out").isTrue();
		assertThat(count("SELECT COUNT(*) FROM inbound_message WHERE sender = ?", robot)).isZero();
		assertThat(this.jdbc.queryForMap("SELECT claimed_by, last_run_at FROM retention_claim"))
			.containsEntry("claimed_by", null)
			.satisfies(claim -> assertThat(claim.get("last_run_at")).isNotNull());
		assertThat(this.camel.getRoute("privacy-retention")).as("the purge is scheduled").isNotNull();
	}

	/** Nothing of it is purged a second before {@code from + period}; at that instant it is. */
	private void purgedOnTime(String what, Instant from, Duration period, BooleanSupplier present) {
		assertThat(present.getAsBoolean()).as("%s is there to begin with", what).isTrue();
		assertThat(this.purge.run(from.plus(period).minus(SECOND)).claimed()).isTrue();
		assertThat(present.getAsBoolean()).as("%s is kept until its period has passed", what).isTrue();
		this.purge.run(from.plus(period));
		assertThat(present.getAsBoolean()).as("%s is purged once its period has passed", what).isFalse();
	}

	private Instant received(String sender) {
		return this.jdbc.queryForObject("SELECT MAX(received_at) FROM inbound_message WHERE sender = ?", Timestamp.class,
				sender).toInstant();
	}

}
