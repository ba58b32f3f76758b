package be.persocontact.gateway.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import be.persocontact.gateway.intake.IntakeCheck.MachineReport;
import be.persocontact.gateway.intake.IntakeCheck.PermanentFailure;
import be.persocontact.gateway.notification.Outbox;
import be.persocontact.gateway.notification.UndeliverableAddresses;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Addresses our mail cannot reach. A bounce counts against an address only when it reports one of our
 * own mails (by its Message-ID, which only the mail's recipients and its path ever saw) as failed for good
 * at the very address that mail went to: a forged report, or one about a mail we never sent there, counts
 * nothing. Each of our mails counts once, however many reports arrive about it. After
 * {@code gateway.intake.failing-after} of them the address is failing, and the outbox holds mail to it
 * until an operator clears it.
 */
@Component
public class FailingAddresses implements UndeliverableAddresses {

	/**
	 * Statuses that speak of the address (RFC 3463): bad mailbox, bad domain, moved, null MX (RFC 7505),
	 * disabled, unroutable. Not the catch-all 5.0.0, not 5.7.x (policy: a spam verdict or our authentication), 5.6.x (content), a full
	 * mailbox or a message too large: those say nothing about whether the address exists.
	 */
	private static final Pattern ADDRESS_STATUS = Pattern.compile("^5\\.(1\\.[01236]|1\\.10|2\\.1|4\\.4)$");

	private final JdbcTemplate jdbc;

	private final IntakeSettings settings;

	private final Clock clock;

	private final Outbox outbox;

	FailingAddresses(JdbcTemplate jdbc, IntakeSettings settings, Clock clock, Outbox outbox) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		this.outbox = outbox;
	}

	/** An address as the list keeps it. */
	public record FailingAddress(String address, int permanentFailures, Instant lastFailureAt, String lastStatus,
			Instant failingSince) {
	}

	/** One of our mails reported as undeliverable for good, and the inbound report that said so. */
	public record Bounce(String messageId, String status, Long inboundMessageId, Instant reportedAt) {
	}

	/**
	 * Counts the permanent failures a report shows for mails we sent to those very addresses. Returns the
	 * addresses so shown (whether their status counts or not); the rest of what the report claims is ignored.
	 */
	List<String> recordReport(MachineReport report, Long inboundMessageId) {
		if (report.permanentFailures().isEmpty()) {
			return List.of();
		}
		Map<String, String> ourMailTo = new LinkedHashMap<>();
		for (String messageId : report.aboutMessageIds()) {
			this.outbox.recipientOf(messageId)
				.ifPresent(recipient -> ourMailTo.putIfAbsent(normalised(recipient), messageId));
		}
		List<String> shown = new ArrayList<>();
		for (PermanentFailure failure : report.permanentFailures()) {
			String messageId = ourMailTo.get(normalised(failure.address()));
			if (messageId == null || shown.contains(failure.address())) {
				continue;
			}
			shown.add(failure.address());
			if (ADDRESS_STATUS.matcher(failure.status()).matches()) {
				count(normalised(failure.address()), messageId, failure.status(), inboundMessageId);
			}
		}
		return shown;
	}

	private void count(String address, String messageId, String status, Long inboundMessageId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int added = this.jdbc.update("INSERT IGNORE INTO failing_address_bounce (address, message_id, status, "
				+ "inbound_message_id, reported_at) VALUES (?, ?, ?, ?, ?)", address, messageId, status, inboundMessageId,
				now);
		if (added == 0) {
			return; // this mail was counted already
		}
		this.jdbc.update("INSERT INTO failing_address (address, permanent_failures, last_failure_at, last_status) "
				+ "VALUES (?, 1, ?, ?) ON DUPLICATE KEY UPDATE permanent_failures = permanent_failures + 1, "
				+ "last_failure_at = VALUES(last_failure_at), last_status = VALUES(last_status)", address, now, status);
		this.jdbc.update("UPDATE failing_address SET failing_since = ? WHERE address = ? AND failing_since IS NULL "
				+ "AND permanent_failures >= ?", now, address, this.settings.failingAfter());
	}

	/**
	 * Why mail to these addresses is pointless (our own mails to them bounced for good often enough): the
	 * failing ones only, in one statement.
	 */
	@Override
	public Map<String, String> whyUndeliverable(Collection<String> addresses) {
		Map<String, List<String>> given = new HashMap<>();
		addresses.forEach(address -> given.computeIfAbsent(normalised(address), key -> new ArrayList<>()).add(address));
		if (given.isEmpty()) {
			return Map.of();
		}
		Map<String, String> why = new HashMap<>();
		this.jdbc.query("SELECT * FROM failing_address WHERE failing_since IS NOT NULL AND address IN ("
				+ String.join(",", java.util.Collections.nCopies(given.size(), "?")) + ")", row -> {
					String reason = "address marked failing since " + instant(row.getTimestamp("failing_since"))
							+ " after " + row.getInt("permanent_failures") + " of our mails bounced for good (last status "
							+ row.getString("last_status") + "); an operator can clear it";
					given.getOrDefault(normalised(row.getString("address")), List.of())
						.forEach(address -> why.put(address, reason));
				}, given.keySet().toArray());
		return why;
	}

	/** Addresses with counted bounces, failing ones first, newest first; only the failing ones unless {@code all}. */
	@Transactional(readOnly = true)
	public List<FailingAddress> list(boolean all, int limit) {
		return this.jdbc.query("SELECT * FROM failing_address" + (all ? "" : " WHERE failing_since IS NOT NULL")
				+ " ORDER BY failing_since IS NULL, last_failure_at DESC LIMIT ?", (row, i) -> new FailingAddress(
						row.getString("address"), row.getInt("permanent_failures"),
						instant(row.getTimestamp("last_failure_at")), row.getString("last_status"),
						instant(row.getTimestamp("failing_since"))),
				limit);
	}

	@Transactional(readOnly = true)
	public Optional<FailingAddress> find(String address) {
		return this.jdbc.query("SELECT * FROM failing_address WHERE address = ?", (row, i) -> new FailingAddress(
				row.getString("address"), row.getInt("permanent_failures"), instant(row.getTimestamp("last_failure_at")),
				row.getString("last_status"), instant(row.getTimestamp("failing_since"))), normalised(address))
			.stream()
			.findFirst();
	}

	/** The bounces counted against this address, oldest first. */
	@Transactional(readOnly = true)
	public List<Bounce> bounces(String address) {
		return this.jdbc.query("SELECT * FROM failing_address_bounce WHERE address = ? ORDER BY reported_at, message_id",
				(row, i) -> new Bounce(row.getString("message_id"), row.getString("status"),
						row.getObject("inbound_message_id") == null ? null : row.getLong("inbound_message_id"),
						instant(row.getTimestamp("reported_at"))),
				normalised(address));
	}

	/** Forgets everything counted against the address: mail goes to it again. False when nothing was. */
	@Transactional
	public boolean clear(String address) {
		this.jdbc.update("DELETE FROM failing_address_bounce WHERE address = ?", normalised(address));
		return this.jdbc.update("DELETE FROM failing_address WHERE address = ?", normalised(address)) > 0;
	}

	private static String normalised(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
