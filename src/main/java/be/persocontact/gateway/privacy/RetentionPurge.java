package be.persocontact.gateway.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import be.persocontact.gateway.access.LinkAccessLog;
import be.persocontact.gateway.attachment.AttachmentPersonalData;
import be.persocontact.gateway.intake.InboundPersonalData;
import be.persocontact.gateway.intake.InboundPersonalData.MailsWithoutTicket;
import be.persocontact.gateway.notification.OutboundPersonalData;
import be.persocontact.gateway.portal.PortalPersonalData;
import be.persocontact.gateway.ticket.TicketPersonalData;
import be.persocontact.gateway.ticket.TicketPersonalData.ClosedTicket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention purge, run by {@code routes/privacy-retention.camel.yaml}. One run at a time across all
 * instances ({@link RetentionClaim}); within it, every closed ticket is first put on the work list of each
 * kind of its data, then each kind whose period has passed since the closing is purged, one ticket per
 * transaction, and the data that belonged to no ticket is deleted in batches of at most
 * {@code gateway.privacy.batch-size} rows, each batch its own transaction. Transactions read committed data
 * only and touch rows by key, so the intake never waits for a purge. A run stops after
 * {@code gateway.privacy.run-limit}; the next one goes on where it stopped.
 */
@Service
public class RetentionPurge {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

	/**
	 * Closed tickets are read again from this long before the latest closing seen: a closing stamped
	 * earlier but committed later than another is not missed.
	 */
	static final Duration LATE_COMMIT_MARGIN = Duration.ofHours(1);

	private static final int ENROL_PAGE = 500;

	private final PrivacySettings settings;

	private final RetentionClaim claim;

	private final RetentionRecords records;

	private final TicketPersonalData tickets;

	private final InboundPersonalData inbound;

	private final AttachmentPersonalData attachments;

	private final OutboundPersonalData outbound;

	private final PortalPersonalData portal;

	private final LinkAccessLog accessLog;

	private final TransactionTemplate transaction;

	private final MeterRegistry meters;

	private final Clock clock;

	RetentionPurge(PrivacySettings settings, RetentionClaim claim, RetentionRecords records, TicketPersonalData tickets,
			InboundPersonalData inbound, AttachmentPersonalData attachments, OutboundPersonalData outbound,
			PortalPersonalData portal, LinkAccessLog accessLog, PlatformTransactionManager transactions,
			MeterRegistry meters, Clock clock) {
		this.settings = settings;
		this.claim = claim;
		this.records = records;
		this.tickets = tickets;
		this.inbound = inbound;
		this.attachments = attachments;
		this.outbound = outbound;
		this.portal = portal;
		this.accessLog = accessLog;
		this.transaction = shortTransactions(transactions);
		this.meters = meters;
		this.clock = clock;
	}

	/** Read committed: a purge takes no gap locks, so inserts by the intake never wait for it. */
	static TransactionTemplate shortTransactions(PlatformTransactionManager transactions) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		template.setTimeout(60);
		return template;
	}

	public Run run() {
		return run(this.clock.instant());
	}

	/** Purges what is due at {@code now}; says what it did, or that another run holds the claim. */
	public Run run(Instant now) {
		Duration lease = this.settings.runLimit().multipliedBy(2);
		if (!this.claim.claim(now, lease)) {
			return Run.NOT_CLAIMED;
		}
		long deadline = System.nanoTime() + this.settings.runLimit().toNanos();
		Map<String, Integer> purged = new LinkedHashMap<>();
		String summary = "failed";
		try {
			int enrolled = enrolClosedTickets(deadline);
			for (PurgedData kind : PurgedData.ofTickets()) {
				purged.put(kind.code(), purgeTickets(kind, now, deadline));
			}
			for (PurgedData kind : PurgedData.withoutTicket()) {
				purged.put(kind.code(), purgeBatches(kind, now, deadline));
			}
			boolean finished = System.nanoTime() < deadline;
			summary = (finished ? "done" : "stopped at the run limit") + "; closed tickets seen " + enrolled
					+ "; purged " + purged;
			if (purged.values().stream().anyMatch(count -> count > 0)) {
				log.info("Retention purge at {}: {}", now, summary);
			}
			return new Run(true, finished, enrolled, purged);
		}
		finally {
			this.claim.release(now, summary);
		}
	}

	/** Puts the tickets closed since the last run on the work list of every kind. */
	private int enrolClosedTickets(long deadline) {
		Instant from = this.records.latestClosing().map(latest -> latest.minus(LATE_COMMIT_MARGIN)).orElse(Instant.EPOCH);
		long afterId = 0;
		int enrolled = 0;
		while (System.nanoTime() < deadline) {
			List<ClosedTicket> page = this.tickets.closedAfter(from, afterId, ENROL_PAGE);
			this.transaction.executeWithoutResult(status -> page
				.forEach(ticket -> this.records.enrol(ticket.id(), ticket.number().value(), ticket.closedAt())));
			enrolled += page.size();
			if (page.size() < ENROL_PAGE) {
				break;
			}
			from = page.get(page.size() - 1).closedAt();
			afterId = page.get(page.size() - 1).id();
		}
		return enrolled;
	}

	/** Purges one kind of data of every ticket closed long enough ago, one ticket per transaction. */
	private int purgeTickets(PurgedData kind, Instant now, long deadline) {
		Instant closedUpTo = now.minus(kind.period(this.settings.retention()));
		int tickets = 0;
		while (System.nanoTime() < deadline) {
			List<RetentionRecords.Due> due = this.records.due(kind, closedUpTo, this.settings.batchSize());
			for (RetentionRecords.Due item : due) {
				Boolean done = this.transaction.execute(status -> {
					if (!this.records.claimDone(item.id(), now)) {
						return false;
					}
					this.records.rowsPurged(item.id(), purge(kind, item, now));
					return true;
				});
				if (Boolean.TRUE.equals(done)) {
					tickets++;
					counter(kind).increment();
				}
				if (System.nanoTime() >= deadline) {
					break;
				}
			}
			if (due.size() < this.settings.batchSize()) {
				break;
			}
		}
		return tickets;
	}

	private int purge(PurgedData kind, RetentionRecords.Due ticket, Instant now) {
		return switch (kind) {
			case RAW_MAILS -> this.inbound.purgeRawMailsOfTicket(ticket.ticketNumber(), now);
			case ATTACHMENT_FILES -> this.attachments.purgeFilesOfTicket(ticket.ticketId(), now);
			case ATTACHMENT_TEXTS -> this.attachments.purgeTextsOfTicket(ticket.ticketId(), now);
			case MESSAGE_TEXTS -> this.tickets.forgetContent(ticket.ticketId())
					+ this.inbound.forgetMailsOfTicket(ticket.ticketNumber(), now)
					+ this.outbound.forgetMailsOfTicket(ticket.ticketId())
					+ this.portal.forgetSubmissionsOfTicket(ticket.ticketNumber());
			case ACCESS_LOG -> this.accessLog.deleteUsesOfTicket(ticket.ticketId());
			default -> throw new IllegalArgumentException(kind + " belongs to no ticket");
		};
	}

	/** Deletes data of one kind that belongs to no ticket, in batches, each recorded. */
	private int purgeBatches(PurgedData kind, Instant now, long deadline) {
		Instant upTo = now.minus(kind.period(this.settings.retention()));
		int limit = this.settings.batchSize();
		int purged = 0;
		while (System.nanoTime() < deadline) {
			Integer rows = this.transaction.execute(status -> {
				Batch batch = switch (kind) {
					case IGNORED_MAILS -> mails(MailsWithoutTicket.IGNORED, upTo, limit);
					case DUPLICATE_MAILS -> mails(MailsWithoutTicket.DUPLICATES, upTo, limit);
					case REJECTED_MAILS -> mails(MailsWithoutTicket.REJECTED, upTo, limit);
					case QUARANTINED_MAILS -> mails(MailsWithoutTicket.QUARANTINED, upTo, limit);
					case REFUSED_SUBMISSIONS -> Batch.of("portal_submission",
							() -> this.portal.deleteRefusedSubmissions(upTo, limit));
					case NOTICES -> Batch.of("outbound_mail", () -> this.outbound.deleteMailsWithoutTicket(upTo, limit));
					case PORTAL_VISITORS -> Batch.of("portal_visitor", () -> this.portal.deleteIdleVisitors(upTo, limit));
					case ACCESS_LOG_WITHOUT_TICKET -> Batch.of("link_access",
							() -> this.accessLog.deleteUsesWithoutTicket(upTo, limit));
					case FAILING_ADDRESSES -> new Batch(this.inbound.deleteFailingAddresses(upTo, limit).size(),
							"failing_address");
					default -> throw new IllegalArgumentException(kind + " belongs to a ticket");
				};
				if (batch.rows() > 0) {
					this.records.recordBatch(kind, now, batch.rows(), batch.detail());
				}
				return batch.rows();
			});
			purged += rows;
			counter(kind).increment(rows);
			if (rows < limit) {
				break;
			}
		}
		return purged;
	}

	private Batch mails(MailsWithoutTicket group, Instant upTo, int limit) {
		return Batch.of("inbound_message", () -> this.inbound.deleteMailsWithoutTicket(group, upTo, limit));
	}

	private Counter counter(PurgedData kind) {
		return Counter.builder("gateway.privacy.purged")
			.description("Tickets (for a ticket's data) or rows (for data of no ticket) purged after their retention")
			.tag("kind", kind.code())
			.register(this.meters);
	}

	/** Rows deleted by one batch, and which (table and id range, never a person's address). */
	private record Batch(int rows, String detail) {

		static Batch of(String table, Supplier<List<Long>> delete) {
			List<Long> ids = delete.get();
			return new Batch(ids.size(), ids.isEmpty() ? table
					: table + " ids " + ids.get(0) + ".." + ids.get(ids.size() - 1));
		}

	}

	/**
	 * What one run did.
	 * @param claimed false when another run held the claim: this one did nothing
	 * @param finished false when the run limit stopped it before all due data was purged
	 * @param closedTicketsSeen closed tickets put on (or found on) the work list
	 * @param purged per kind: tickets for a ticket's data, rows for the others
	 */
	public record Run(boolean claimed, boolean finished, int closedTicketsSeen, Map<String, Integer> purged) {

		static final Run NOT_CLAIMED = new Run(false, false, 0, Map.of());

		public int purged(PurgedData kind) {
			return this.purged.getOrDefault(kind.code(), 0);
		}

	}

}
