package be.persocontact.gateway.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import be.persocontact.gateway.access.LinkAccessLog;
import be.persocontact.gateway.access.LinkManagement;
import be.persocontact.gateway.attachment.AttachmentPersonalData;
import be.persocontact.gateway.attachment.AttachmentPersonalData.FileRecord;
import be.persocontact.gateway.intake.InboundPersonalData;
import be.persocontact.gateway.intake.InboundPersonalData.InboundRecord;
import be.persocontact.gateway.notification.OutboundPersonalData;
import be.persocontact.gateway.portal.PortalPersonalData;
import be.persocontact.gateway.ticket.Requester;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketPersonalData;
import be.persocontact.gateway.ticket.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rights of access and erasure, for operators: everything the gateway holds about one person (found
 * by address or portal employee id) exported as one archive, or erased. Both are logged with who asked and
 * why ({@link PrivacyRequests}). An erasure first withdraws every link and reply address the person has,
 * then forgets their tickets one per transaction (the shells stay when {@code keepTicketShells}, as
 * retention leaves them; otherwise the tickets go whole), then what they sent or received outside a
 * ticket. Tickets not yet closed are erased only when the operator says so, and are then closed silently.
 */
@Service
public class SubjectAccess {

	private static final Logger log = LoggerFactory.getLogger(SubjectAccess.class);

	private final TicketManagement ticketManagement;

	private final TicketPersonalData tickets;

	private final InboundPersonalData inbound;

	private final AttachmentPersonalData attachments;

	private final OutboundPersonalData outbound;

	private final PortalPersonalData portal;

	private final LinkAccessLog accessLog;

	private final LinkManagement links;

	private final PrivacyRequests requests;

	private final RetentionRecords records;

	private final PrivacySettings settings;

	private final TransactionTemplate transaction;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock;

	SubjectAccess(TicketManagement ticketManagement, TicketPersonalData tickets, InboundPersonalData inbound,
			AttachmentPersonalData attachments, OutboundPersonalData outbound, PortalPersonalData portal,
			LinkAccessLog accessLog, LinkManagement links, PrivacyRequests requests, RetentionRecords records,
			PrivacySettings settings, PlatformTransactionManager transactions, Clock clock) {
		this.ticketManagement = ticketManagement;
		this.tickets = tickets;
		this.inbound = inbound;
		this.attachments = attachments;
		this.outbound = outbound;
		this.portal = portal;
		this.accessLog = accessLog;
		this.links = links;
		this.requests = requests;
		this.records = records;
		this.settings = settings;
		this.transaction = RetentionPurge.shortTransactions(transactions);
		this.clock = clock;
	}

	/**
	 * Gathers everything held about the person, logs the request, and returns the archive to write: one
	 * {@code subject-access.json} and the files it names (each received mail as {@code .eml}, each file).
	 */
	public Export export(Request request) {
		request.check();
		Subject subject = resolve(request);
		Instant now = this.clock.instant();
		long id = this.requests.start(PrivacyRequests.Kind.EXPORT, request.operator().strip(), request.reason().strip(),
				subject.keys(), now);
		try {
			Export export = gather(id, subject, request, now);
			this.requests.finish(id, "COMPLETED", this.json.writeValueAsString(export.summary()), this.clock.instant());
			log.info("Privacy export {} by {}: {}", id, request.operator().strip(), export.summary());
			return export;
		}
		catch (RuntimeException failure) {
			this.requests.finish(id, "FAILED", failure.getClass().getSimpleName(), this.clock.instant());
			throw failure;
		}
	}

	/**
	 * Erases everything held about the person (see the class comment).
	 * @throws UnfinishedTickets when a ticket of theirs is not closed and the request does not include those
	 */
	public Erasure erase(Request request, boolean includeUnfinishedTickets, Boolean keepTicketShells) {
		request.check();
		boolean keepShells = keepTicketShells == null ? this.settings.keepTicketShells() : keepTicketShells;
		Subject subject = resolve(request);
		String operator = request.operator().strip();
		Instant now = this.clock.instant();
		long id = this.requests.start(PrivacyRequests.Kind.ERASURE, operator, request.reason().strip(), subject.keys(),
				now);
		List<String> unfinished = subject.unfinishedTickets();
		if (!unfinished.isEmpty() && !includeUnfinishedTickets) {
			this.requests.finish(id, "REFUSED", this.json.writeValueAsString(Map.of("unfinishedTickets", unfinished)),
					now);
			throw new UnfinishedTickets(unfinished);
		}
		try {
			Erasure erasure = eraseSubject(id, subject, operator, keepShells, now);
			this.requests.finish(id, "COMPLETED", this.json.writeValueAsString(erasure), this.clock.instant());
			log.warn("Privacy erasure {} by {}: {}", id, operator, erasure);
			return erasure;
		}
		catch (RuntimeException failure) {
			this.requests.finish(id, "FAILED", failure.getClass().getSimpleName() + " (run it again: erasure is "
					+ "repeatable)", this.clock.instant());
			throw failure;
		}
	}

	/** The log of exports and erasures, newest first; of one address or employee id when given. */
	public List<PrivacyRequests.Request> requests(String address, String employeeId, int limit) {
		String key = address != null && !address.isBlank() ? PrivacyRequests.keyOfAddress(address)
				: employeeId != null && !employeeId.isBlank() ? PrivacyRequests.keyOfEmployee(employeeId) : null;
		return this.requests.find(key, limit);
	}

	/** The person's addresses and employee ids (each found through the other) and their tickets. */
	Subject resolve(Request request) {
		SortedSet<String> addresses = new TreeSet<>();
		SortedSet<String> employeeIds = new TreeSet<>();
		if (request.address() != null && !request.address().isBlank()) {
			addresses.add(Requester.normalise(request.address()));
		}
		if (request.employeeId() != null && !request.employeeId().isBlank()) {
			employeeIds.add(request.employeeId().strip());
		}
		employeeIds.forEach(employee -> addresses.addAll(this.portal.addressesOfEmployee(employee)));
		employeeIds.addAll(this.portal.employeeIdsOf(addresses));
		addresses.remove(TicketPersonalData.FORGOTTEN_REQUESTER);
		List<Ticket> found = new ArrayList<>();
		for (String address : addresses) {
			this.ticketManagement.findByRequester(address)
				.forEach(ticket -> found.add(this.ticketManagement.find(ticket.id()).orElseThrow()));
		}
		return new Subject(addresses, employeeIds, found);
	}

	private Export gather(long requestId, Subject subject, Request request, Instant now) {
		List<FileRecord> files = this.attachments.filesOf(subject.ticketIds());
		List<InboundRecord> received = this.inbound.mailsOf(subject.addresses(), subject.ticketNumbers());
		List<ArchivedFile> archived = new ArrayList<>();
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("request", Map.of("id", requestId, "exportedAt", now.toString(), "operator",
				request.operator().strip(), "reason", request.reason().strip()));
		document.put("addresses", subject.addresses());
		document.put("employeeIds", subject.employeeIds());
		List<Map<String, Object>> ticketRows = new ArrayList<>();
		for (Ticket ticket : subject.tickets()) {
			ticketRows.add(ticketRow(ticket, files.stream().filter(file -> file.ticketId() == ticket.id()).toList(),
					archived));
		}
		document.put("tickets", ticketRows);
		List<Map<String, Object>> mails = new ArrayList<>();
		for (InboundRecord mail : received) {
			Map<String, Object> row = new LinkedHashMap<>(this.json.convertValue(mail, Map.class));
			if (mail.hasRaw()) {
				String name = "mails/received/" + mail.id() + ".eml";
				row.put("file", name);
				archived.add(new ArchivedFile(name, () -> this.inbound.raw(mail.id()).orElse(new byte[0])));
			}
			mails.add(row);
		}
		document.put("receivedMails", mails);
		document.put("sentMails",
				this.outbound.mailsOf(subject.addresses(), subject.ticketIds(), subject.ticketNumbers()));
		List<LinkAccessLog.Use> uses = new ArrayList<>(this.accessLog.usesBy(subject.addresses()));
		subject.ticketIds().forEach(ticketId -> this.accessLog.usesOfTicket(ticketId).stream()
			.filter(use -> uses.stream().noneMatch(known -> known.id() == use.id()))
			.forEach(uses::add));
		document.put("linkUses", uses);
		document.put("portalSubmissions",
				this.portal.submissionsOf(subject.addresses(), subject.employeeIds(), subject.ticketNumbers()));
		document.put("portalVisitors", this.portal.visitorsOf(subject.addresses()));
		document.put("failingAddresses", this.inbound.failingAddresses(subject.addresses()));
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("tickets", subject.ticketNumbers());
		summary.put("receivedMails", received.size());
		summary.put("sentMails", ((List<?>) document.get("sentMails")).size());
		summary.put("files", archived.stream().filter(file -> file.name().startsWith("files/")).count());
		summary.put("linkUses", uses.size());
		summary.put("portalSubmissions", ((List<?>) document.get("portalSubmissions")).size());
		summary.put("portalVisitors", ((List<?>) document.get("portalVisitors")).size());
		summary.put("failingAddresses", ((List<?>) document.get("failingAddresses")).size());
		document.put("summary", summary);
		return new Export(requestId, this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document), archived,
				summary);
	}

	private Map<String, Object> ticketRow(Ticket ticket, List<FileRecord> files, List<ArchivedFile> archived) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("number", ticket.number().value());
		row.put("subject", ticket.subject());
		row.put("status", ticket.status().name());
		row.put("createdAt", ticket.createdAt().toString());
		row.put("statusSince", ticket.statusSince().toString());
		row.put("requester", Map.of("address", ticket.requester().address(), "name",
				Optional.ofNullable(ticket.requester().displayName()).orElse(""), "language",
				ticket.requester().language()));
		row.put("queue", ticket.queue());
		row.put("form", ticket.formCode());
		row.put("officer", ticket.assignee());
		List<Map<String, Object>> timeline = new ArrayList<>();
		for (TimelineEntry entry : ticket.timeline()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("at", entry.createdAt().toString());
			item.put("kind", entry.kind().name());
			item.put("author", entry.author());
			item.put("text", entry.body());
			item.put("receivedText", entry.receivedText());
			item.put("statusFrom", entry.statusFrom() == null ? null : entry.statusFrom().name());
			item.put("statusTo", entry.statusTo() == null ? null : entry.statusTo().name());
			item.put("receivedMail", entry.inboundMessageId());
			timeline.add(item);
		}
		row.put("timeline", timeline);
		List<Map<String, Object>> fileRows = new ArrayList<>();
		for (FileRecord file : files) {
			Map<String, Object> item = new LinkedHashMap<>(this.json.convertValue(file, Map.class));
			if (file.hasFile()) {
				String name = "files/" + ticket.number().value() + "/" + file.id() + "-" + safe(file.name());
				item.put("file", name);
				archived.add(new ArchivedFile(name, () -> this.attachments.content(file.id()).orElse(new byte[0])));
			}
			fileRows.add(item);
		}
		row.put("files", fileRows);
		return row;
	}

	private Erasure eraseSubject(long requestId, Subject subject, String operator, boolean keepShells, Instant now) {
		String why = "erasure on request " + requestId;
		List<Long> revocations = new ArrayList<>();
		for (String address : subject.addresses()) {
			revocations.add(this.links.revokeRecipientLinks(address, operator, why).id());
		}
		for (Ticket ticket : subject.tickets()) {
			revocations.add(this.links.revokeTicketLinks(ticket.id(), ticket.number().value(), operator, why).id());
		}
		Map<String, Integer> rows = new LinkedHashMap<>();
		List<String> closed = new ArrayList<>();
		for (Ticket ticket : subject.tickets()) {
			String number = ticket.number().value();
			this.transaction.executeWithoutResult(status -> {
				if (this.tickets.closeForErasure(ticket.id(), operator)) {
					closed.add(number);
				}
				add(rows, "files", keepShells
						? this.attachments.purgeFilesOfTicket(ticket.id(), now)
								+ this.attachments.purgeTextsOfTicket(ticket.id(), now)
						: this.attachments.deleteOfTicket(ticket.id()));
				add(rows, "receivedMails", this.inbound.erase(List.of(), List.of(number), keepShells, now));
				add(rows, "sentMails", this.outbound.erase(List.of(), List.of(ticket.id()), List.of(number), keepShells));
				add(rows, "portalSubmissions", this.portal.erase(List.of(), List.of(), List.of(number), keepShells));
				int ticketRows = keepShells ? this.tickets.forgetContent(ticket.id()) : this.tickets.delete(ticket.id());
				add(rows, "tickets", ticketRows);
				this.records.recordErased(ticket.id(), number, now, requestId, ticketRows);
			});
		}
		this.transaction.executeWithoutResult(status -> {
			add(rows, "receivedMails", this.inbound.erase(subject.addresses(), List.of(), keepShells, now));
			add(rows, "sentMails", this.outbound.erase(subject.addresses(), List.of(), List.of(), keepShells));
			add(rows, "portalSubmissions",
					this.portal.erase(subject.addresses(), subject.employeeIds(), List.of(), keepShells));
			add(rows, "linkUses", this.accessLog.deleteUsesBy(subject.addresses()));
		});
		return new Erasure(requestId, keepShells, subject.ticketNumbers(), closed, revocations, rows);
	}

	private static void add(Map<String, Integer> rows, String what, int count) {
		rows.merge(what, count, Integer::sum);
	}

	private static String safe(String name) {
		String cleaned = name == null ? "" : name.replaceAll("[^\\p{L}\\p{N}._-]+", "_");
		return cleaned.isBlank() ? "file" : cleaned.toLowerCase(Locale.ROOT).length() > 100 ? cleaned.substring(0, 100)
				: cleaned;
	}

	/**
	 * Who the request is about (an address, a portal employee id, or both), who asks and why.
	 */
	public record Request(String address, String employeeId, String operator, String reason) {

		void check() {
			boolean hasAddress = this.address != null && !this.address.isBlank();
			if (!hasAddress && (this.employeeId == null || this.employeeId.isBlank())) {
				throw new IllegalArgumentException("Name the person: an address, an employeeId, or both");
			}
			if (hasAddress && (!this.address.strip().matches("[^@\\s]+@[^@\\s]+") || this.address.strip().length() > 320)) {
				throw new IllegalArgumentException("address must be one mail address, like anna@example.org");
			}
			if (hasAddress && Requester.normalise(this.address).equals(TicketPersonalData.FORGOTTEN_REQUESTER)) {
				throw new IllegalArgumentException("That address stands for data already forgotten");
			}
			if (this.employeeId != null && this.employeeId.strip().length() > 64) {
				throw new IllegalArgumentException("employeeId is longer than 64 characters");
			}
			requireText("operator", this.operator, PrivacyRequests.MAX_OPERATOR_CHARS);
			requireText("reason", this.reason, PrivacyRequests.MAX_REASON_CHARS);
		}

		private static void requireText(String name, String value, int max) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(name + " is required: say who asks, and why");
			}
			if (value.strip().length() > max) {
				throw new IllegalArgumentException(name + " is longer than " + max + " characters");
			}
		}

	}

	/** A file of the archive, read from the database only when written. */
	record ArchivedFile(String name, Supplier<byte[]> content) {
	}

	/** An export ready to be written: the JSON document, then the files it names. */
	public static final class Export {

		private final long requestId;

		private final byte[] document;

		private final List<ArchivedFile> files;

		private final Map<String, Object> summary;

		Export(long requestId, byte[] document, List<ArchivedFile> files, Map<String, Object> summary) {
			this.requestId = requestId;
			this.document = document;
			this.files = List.copyOf(files);
			this.summary = summary;
		}

		public long requestId() {
			return this.requestId;
		}

		public Map<String, Object> summary() {
			return this.summary;
		}

		/** Writes the archive (a zip) and closes it; the stream itself is left open. */
		public void writeTo(OutputStream out) throws IOException {
			ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
			zip.putNextEntry(new ZipEntry("subject-access.json"));
			zip.write(this.document);
			zip.closeEntry();
			for (ArchivedFile file : this.files) {
				zip.putNextEntry(new ZipEntry(file.name()));
				zip.write(file.content().get());
				zip.closeEntry();
			}
			zip.finish();
		}

	}

	/**
	 * What an erasure did.
	 * @param tickets the person's tickets: shells now, or deleted
	 * @param closedTickets those that were not closed yet, closed by the erasure
	 * @param revocations the ids of the link revocations it made (see {@code /api/ops/links/revocations})
	 * @param rows rows deleted or emptied, by kind
	 */
	public record Erasure(long requestId, boolean ticketShellsKept, List<String> tickets, List<String> closedTickets,
			List<Long> revocations, Map<String, Integer> rows) {
	}

	/** An erasure that would close tickets still in work, which the operator did not include. */
	public static final class UnfinishedTickets extends RuntimeException {

		private final List<String> numbers;

		UnfinishedTickets(List<String> numbers) {
			super("Tickets still in work: " + String.join(", ", numbers)
					+ ". Finish them first, or ask again with includeUnfinishedTickets to close them now");
			this.numbers = List.copyOf(numbers);
		}

		public List<String> numbers() {
			return this.numbers;
		}

	}

}
