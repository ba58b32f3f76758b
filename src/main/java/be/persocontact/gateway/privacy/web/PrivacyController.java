package be.persocontact.gateway.privacy.web;

import java.util.List;
import java.util.Locale;

import be.persocontact.gateway.privacy.AccessReports;
import be.persocontact.gateway.privacy.ExportDownload;
import be.persocontact.gateway.privacy.PrivacyRequests;
import be.persocontact.gateway.privacy.RetentionOverview;
import be.persocontact.gateway.privacy.RetentionRecords;
import be.persocontact.gateway.privacy.SubjectAccess;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Operators answer a person's request to see or erase their data, and show who opened a ticket. The person
 * is named in the body (address or portal employee id), never in a URL that access logs would keep; every
 * request says who asks and why, and is logged.
 */
@RestController
@RequestMapping("/api/ops/privacy")
class PrivacyController {

	private final SubjectAccess subjects;

	private final AccessReports reports;

	private final RetentionOverview retention;

	PrivacyController(SubjectAccess subjects, AccessReports reports, RetentionOverview retention) {
		this.subjects = subjects;
		this.reports = reports;
		this.retention = retention;
	}

	/** Everything held about the person, as a zip: {@code subject-access.json} and the files it names. */
	@PostMapping("/exports")
	ResponseEntity<StreamingResponseBody> export(@RequestBody PersonRequest request) {
		SubjectAccess.Export export = this.subjects.export(request.subject());
		return ExportDownload.of(export);
	}

	/** Erases everything held about the person; 409 when tickets still in work are not included. */
	@PostMapping("/erasures")
	SubjectAccess.Erasure erase(@RequestBody PersonRequest request) {
		return this.subjects.erase(request.subject(), Boolean.TRUE.equals(request.includeUnfinishedTickets()),
				request.keepTicketShells());
	}

	/** The log of exports and erasures, newest first; of one person when {@code address} or {@code employeeId}. */
	@GetMapping("/requests")
	List<PrivacyRequests.Request> requests(@RequestParam(required = false) String address,
			@RequestParam(required = false) String employeeId, @RequestParam(defaultValue = "100") int limit) {
		return this.subjects.requests(address, employeeId, Math.max(1, Math.min(limit, 1000)));
	}

	/** Who opened the ticket's pages, files and reply addresses, and what officers changed. */
	@GetMapping("/tickets/{number}/access-report")
	ResponseEntity<AccessReports.AccessReport> accessReport(@PathVariable String number) {
		return ResponseEntity.of(this.reports.of(number.strip().toUpperCase(Locale.ROOT)));
	}

	/** The retention periods in force, the last purge run and the next. */
	@GetMapping("/retention")
	RetentionOverview.Overview retention() {
		return this.retention.overview();
	}

	/** What the purge did (and will do) to one ticket, or its latest records. */
	@GetMapping("/retention/records")
	List<RetentionRecords.Record> records(@RequestParam(required = false) String ticket,
			@RequestParam(defaultValue = "100") int limit) {
		return this.retention.records(ticket == null || ticket.isBlank() ? null : ticket.strip().toUpperCase(Locale.ROOT),
				Math.max(1, Math.min(limit, 1000)));
	}

	/**
	 * Whom a request is about, who asks and why; for an erasure also whether to close tickets still in work
	 * and whether to keep the tickets' shells (null: {@code gateway.privacy.keep-ticket-shells}).
	 */
	record PersonRequest(String address, String employeeId, String operator, String reason,
			Boolean includeUnfinishedTickets, Boolean keepTicketShells) {

		SubjectAccess.Request subject() {
			return new SubjectAccess.Request(this.address, this.employeeId, this.operator, this.reason);
		}

	}

	@ExceptionHandler(SubjectAccess.UnfinishedTickets.class)
	ProblemDetail unfinished(SubjectAccess.UnfinishedTickets ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("tickets", ex.numbers());
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
