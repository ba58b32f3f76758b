package be.persocontact.gateway.portal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.attachment.AttachmentManagement;
import be.persocontact.gateway.attachment.AttachmentReceipt;
import be.persocontact.gateway.attachment.IncomingFile;
import be.persocontact.gateway.attachment.MailAttachmentReceipts;
import be.persocontact.gateway.catalogue.CatalogueManagement;
import be.persocontact.gateway.catalogue.FieldProblem;
import be.persocontact.gateway.catalogue.Form;
import be.persocontact.gateway.ticket.RecordedMessage;
import be.persocontact.gateway.ticket.Requester;
import be.persocontact.gateway.ticket.RequesterMessage;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portal module's API: turns a submission into a ticket, the way intake turns a mail into one.
 * The submission is checked against its form (all problems at once), its files judged by the attachment
 * module as mailed files are (true type, allow-list, limits), the whole stored as JSON with its outcome;
 * when acceptable, its record, its ticket with the files, the ticket's queue and the acknowledgement
 * commit in one transaction. A second call with the same idempotency key finds the first ticket instead of
 * making another, even when both calls race.
 */
@Service
public class SubmissionManagement {

	private static final Logger log = LoggerFactory.getLogger(SubmissionManagement.class);

	private final CatalogueManagement catalogue;

	private final TicketManagement tickets;

	private final PortalSubmissions submissions;

	private final AttachmentManagement attachments;

	private final SubmissionText text;

	private final SignedLinks links;

	private final PortalSettings settings;

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	private final Clock clock;

	SubmissionManagement(CatalogueManagement catalogue, TicketManagement tickets, PortalSubmissions submissions,
			AttachmentManagement attachments, SubmissionText text, SignedLinks links, PortalSettings settings,
			TransactionTemplate transaction, Clock clock) {
		this.catalogue = catalogue;
		this.tickets = tickets;
		this.submissions = submissions;
		this.attachments = attachments;
		this.text = text;
		this.links = links;
		this.settings = settings;
		this.json = JsonMapper.builder().build();
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * @param caller who sent it (the authenticated portal); idempotency keys are unique per caller
	 * @param defaultLanguage the language of the answer when the submission's own is unusable
	 */
	public SubmissionOutcome submit(Submission submission, String caller, String defaultLanguage) {
		String payload = payload(submission);
		String sha256 = Hashes.sha256(payload);
		String dedupKey = dedupKey(caller, submission.idempotencyKey());
		if (dedupKey != null) {
			Optional<SubmissionOutcome> earlier = earlier(dedupKey, sha256);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		String language = Requester.LANGUAGES.contains(submission.language()) ? submission.language()
				: defaultLanguage;
		Form form = this.catalogue.form(submission.formCode() == null ? "" : submission.formCode()).orElse(null);
		List<FieldProblem> problems = problems(submission, form);
		// read outside the transaction: parsing is bounded in time, but need not hold a connection
		AttachmentManagement.Inspection files = inspect(submission.files(), problems);
		if (!problems.isEmpty()) {
			PortalSubmission refused = new PortalSubmission(caller, submission, payload, sha256, this.clock.instant());
			refused.refused(this.json.writeValueAsString(problems));
			this.submissions.save(refused);
			return new SubmissionOutcome.Refused(form, language, problems);
		}
		try {
			return this.transaction
				.execute(status -> accept(caller, submission, form, files, payload, sha256, dedupKey));
		}
		catch (DataIntegrityViolationException raced) {
			// another call with the same key committed first: answer with its ticket
			log.info("Submission with idempotency key {} of {} raced an identical one", submission.idempotencyKey(),
					caller);
			return earlier(dedupKey, sha256).orElseThrow(() -> raced);
		}
	}

	/** Form codes, most used first, for "recommended for you". */
	public List<String> mostUsedForms(int count) {
		return this.submissions.findMostUsedFormCodes(PortalSubmission.Outcome.TICKET_CREATED, Limit.of(count));
	}

	private SubmissionOutcome accept(String caller, Submission submission, Form form,
			AttachmentManagement.Inspection files, String payload, String sha256, String dedupKey) {
		PortalSubmission record = new PortalSubmission(caller, submission, payload, sha256, this.clock.instant());
		RequesterMessage message = new RequesterMessage(submission.employeeAddress(), submission.employeeName(),
				submission.language(), form.title().in(submission.language()), this.text.of(form, submission), null,
				List.of());
		RecordedMessage recorded;
		PortalAcknowledgementDetails.bind(
				this.text.mailLines(form, submission, this.settings.acknowledgeSensitiveValues()));
		MailAttachmentReceipts.bind(files.receipts());
		try {
			recorded = this.tickets.openFromForm(message, form.code(), form.queue());
		}
		finally {
			MailAttachmentReceipts.unbind();
			PortalAcknowledgementDetails.unbind();
		}
		record.accepted(dedupKey, recorded.ticket().value());
		this.submissions.saveAndFlush(record);
		Ticket ticket = this.tickets.find(recorded.ticket()).orElseThrow();
		recordFiles(ticket, files);
		return new SubmissionOutcome.Accepted(ticket.number().value(),
				this.links.ticketViewUrl(ticket.id(), ticket.requester().address()), false);
	}

	private Optional<SubmissionOutcome> earlier(String dedupKey, String sha256) {
		return this.submissions.findByDedupKey(dedupKey).map(earlier -> {
			if (!earlier.sha256().equals(sha256)) {
				return new SubmissionOutcome.KeyReused(earlier.ticketNumber());
			}
			Ticket ticket = this.tickets.find(new be.persocontact.gateway.ticket.TicketNumber(earlier.ticketNumber()))
				.orElseThrow();
			return new SubmissionOutcome.Accepted(ticket.number().value(),
					this.links.ticketViewUrl(ticket.id(), ticket.requester().address()), true);
		});
	}

	private List<FieldProblem> problems(Submission submission, Form form) {
		List<FieldProblem> problems = new ArrayList<>();
		if (form == null) {
			problems.add(problem("formCode",
					isBlank(submission.formCode()) ? FieldProblem.Kind.REQUIRED : FieldProblem.Kind.UNKNOWN_OPTION));
		}
		if (isBlank(submission.employeeAddress())) {
			problems.add(problem("employee.address", FieldProblem.Kind.REQUIRED));
		}
		else if (!submission.employeeAddress().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			problems.add(problem("employee.address", FieldProblem.Kind.NOT_AN_EMAIL));
		}
		if (!Requester.LANGUAGES.contains(submission.language())) {
			problems.add(problem("employee.language",
					isBlank(submission.language()) ? FieldProblem.Kind.REQUIRED : FieldProblem.Kind.UNKNOWN_OPTION));
		}
		if (isBlank(submission.idempotencyKey())) {
			problems.add(problem("idempotencyKey", FieldProblem.Kind.REQUIRED));
		}
		if (submission.comment() != null && submission.comment().length() > 4000) {
			problems.add(new FieldProblem("comment", FieldProblem.Kind.TOO_LONG, List.of("4000")));
		}
		if (form != null) {
			problems.addAll(this.catalogue.validate(form, submission.values(), submission.files().size()));
		}
		if (submission.files().size() > this.settings.maxFiles()) {
			problems.add(new FieldProblem(FieldProblem.ATTACHMENTS, FieldProblem.Kind.TOO_MANY_FILES,
					List.of(String.valueOf(this.settings.maxFiles()))));
		}
		for (SubmittedFile file : submission.files()) {
			if (file.size() > this.settings.maxFileSize().toBytes()) {
				problems.add(new FieldProblem(FieldProblem.ATTACHMENTS, FieldProblem.Kind.FILE_TOO_LARGE,
						List.of(file.name(), String.valueOf(this.settings.maxFileSize().toMegabytes()))));
			}
		}
		if (totalSize(submission.files()) > this.settings.maxSubmissionSize().toBytes()) {
			problems.add(new FieldProblem(FieldProblem.ATTACHMENTS, FieldProblem.Kind.FILES_TOO_LARGE_TOGETHER,
					List.of(String.valueOf(this.settings.maxSubmissionSize().toMegabytes()))));
		}
		return problems;
	}

	/**
	 * The attachment module judges the files by their bytes, as it does a mail's; every refusal becomes a
	 * problem of the {@code attachments} field carrying the module's reason. Files over the portal's own
	 * limits are not read at all.
	 */
	private AttachmentManagement.Inspection inspect(List<SubmittedFile> submitted, List<FieldProblem> problems) {
		boolean overLimits = !withinLimits(submitted);
		AttachmentManagement.Inspection inspection = this.attachments.inspect(overLimits ? List.of()
				: submitted.stream().map(file -> new IncomingFile(file.name(), file.declaredType(), file.content()))
					.toList());
		for (AttachmentReceipt receipt : inspection.receipts()) {
			if (!receipt.accepted()) {
				problems.add(refusal(receipt));
			}
		}
		return inspection;
	}

	/** Whether files may be read at all: not too many, none too large, not too large together. */
	public boolean withinLimits(List<SubmittedFile> files) {
		return files.size() <= this.settings.maxFiles()
				&& files.stream().allMatch(file -> file.size() <= this.settings.maxFileSize().toBytes())
				&& totalSize(files) <= this.settings.maxSubmissionSize().toBytes();
	}

	private static long totalSize(List<SubmittedFile> files) {
		return files.stream().mapToLong(SubmittedFile::size).sum();
	}

	private FieldProblem refusal(AttachmentReceipt receipt) {
		String name = receipt.containedIn() == null ? receipt.name() : receipt.containedIn() + "/" + receipt.name();
		return switch (receipt.reason()) {
			case NOT_ALLOWED_TYPE, TYPE_MISMATCH -> new FieldProblem(FieldProblem.ATTACHMENTS,
					FieldProblem.Kind.FILE_TYPE_REFUSED, List.of(name, receipt.reason().name()));
			case TOO_LARGE -> new FieldProblem(FieldProblem.ATTACHMENTS, FieldProblem.Kind.FILE_TOO_LARGE,
					List.of(name, String.valueOf(this.settings.maxFileSize().toMegabytes())));
			case TOO_MANY -> new FieldProblem(FieldProblem.ATTACHMENTS, FieldProblem.Kind.TOO_MANY_FILES,
					List.of(String.valueOf(this.settings.maxFiles())));
			default -> new FieldProblem(FieldProblem.ATTACHMENTS, FieldProblem.Kind.FILE_REFUSED,
					List.of(name, receipt.reason().name()));
		};
	}

	/** Stores the files once by content beside the ticket and notes each receipt on its timeline, as for mail. */
	private void recordFiles(Ticket ticket, AttachmentManagement.Inspection files) {
		if (files.receipts().isEmpty()) {
			return;
		}
		Locale locale = Locale.forLanguageTag(ticket.requester().language());
		StringBuilder note = new StringBuilder();
		for (AttachmentReceipt receipt : this.attachments.record(files, ticket.id())) {
			note.append(receipt.name()).append(": ").append(this.attachments.describe(receipt, locale)).append('\n');
		}
		this.tickets.recordSystemNote(ticket.id(), note.toString().strip());
	}

	/** The submission as JSON, files described by name, type, size and hash: the stored raw record. */
	private String payload(Submission submission) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("formCode", submission.formCode());
		Map<String, Object> employee = new LinkedHashMap<>();
		employee.put("id", submission.employeeId());
		employee.put("address", submission.employeeAddress());
		employee.put("name", submission.employeeName());
		employee.put("language", submission.language());
		payload.put("employee", employee);
		payload.put("values", new java.util.TreeMap<>(submission.values()));
		payload.put("comment", submission.comment());
		payload.put("idempotencyKey", submission.idempotencyKey());
		payload.put("files", submission.files().stream().map(file -> {
			Map<String, Object> described = new LinkedHashMap<>();
			described.put("name", file.name());
			described.put("declaredType", file.declaredType());
			described.put("size", file.size());
			described.put("sha256", Hashes.sha256(file.content()));
			return described;
		}).toList());
		return this.json.writeValueAsString(payload);
	}

	private static String dedupKey(String caller, String idempotencyKey) {
		return isBlank(idempotencyKey) ? null : Hashes.sha256(caller + "\n" + idempotencyKey.strip());
	}

	private static FieldProblem problem(String field, FieldProblem.Kind kind) {
		return new FieldProblem(field, kind, List.of());
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
