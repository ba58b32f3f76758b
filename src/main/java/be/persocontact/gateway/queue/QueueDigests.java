package be.persocontact.gateway.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.persocontact.gateway.notification.NotificationManagement;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: once a day, after {@code gateway.queues.digest-at}, each queue's addresses get the
 * list of its open tickets, oldest first, with status, age and officer. The day is claimed in
 * {@code queue_digest} in the same transaction as the mail, so that several instances send it once.
 */
@Service
public class QueueDigests {

	private final QueueDirectory directory;

	private final TicketManagement tickets;

	private final NotificationManagement notifications;

	private final QueueSettings settings;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	QueueDigests(QueueDirectory directory, TicketManagement tickets, NotificationManagement notifications,
			QueueSettings settings, JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
		this.directory = directory;
		this.tickets = tickets;
		this.notifications = notifications;
		this.settings = settings;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
	}

	public int run() {
		return run(this.clock.instant());
	}

	/** Sends the digests due at {@code now}; returns how many queues got one. */
	public int run(Instant now) {
		ZonedDateTime local = now.atZone(ZoneId.of(this.settings.timeZone()));
		if (local.toLocalTime().isBefore(this.settings.digestAt())) {
			return 0;
		}
		int sent = 0;
		for (Queue queue : this.directory.queues()) {
			try {
				this.transaction.executeWithoutResult(status -> send(queue, local.toLocalDate(), now));
				sent++;
			}
			catch (DuplicateKeyException alreadySent) {
				// this queue's digest of today went out already, from here or another instance
			}
		}
		return sent;
	}

	private void send(Queue queue, LocalDate day, Instant now) {
		this.jdbc.update("INSERT INTO queue_digest (queue_code, digest_day, sent_at) VALUES (?, ?, ?)", queue.code(),
				java.sql.Date.valueOf(day), java.sql.Timestamp.from(now));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Ticket ticket : this.tickets.findOpenInQueue(queue.code())) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("number", ticket.number().value());
			row.put("title", ticket.subject());
			row.put("status", ticket.status().name());
			row.put("ageDays", Duration.between(ticket.createdAt(), now).toDays());
			row.put("assignee", ticket.assignee());
			rows.add(row);
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("queueName", queue.name(queue.language()));
		model.put("day", day.toString());
		model.put("tickets", rows);
		for (String address : queue.addresses()) {
			this.notifications.mailOfficers("queue-digest", address, queue.language(), queue.name(queue.language()),
					model);
		}
	}

}
