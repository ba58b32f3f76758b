package be.persocontact.gateway.access.web;

import java.util.List;
import java.util.Locale;

import be.persocontact.gateway.access.LinkManagement;
import be.persocontact.gateway.access.Revocation;
import be.persocontact.gateway.access.RevocationTargets;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Operators withdraw links: all links and reply addresses of a ticket, all sent to an address, or the
 * officers' links of a queue. Each request names who asks and why; the revocation log keeps both and
 * is readable here. The address goes in the body, never in a URL that access logs would keep.
 */
@RestController
@RequestMapping("/api/ops/links")
class LinkRevocationsController {

	private final LinkManagement links;

	private final List<RevocationTargets> targets;

	LinkRevocationsController(LinkManagement links, List<RevocationTargets> targets) {
		this.links = links;
		this.targets = targets;
	}

	@PostMapping("/tickets/{number}/revocations")
	@ResponseStatus(HttpStatus.CREATED)
	Revocation revokeTicket(@PathVariable String number, @RequestBody RevocationRequest request) {
		String normalised = number.strip().toUpperCase(Locale.ROOT);
		long ticketId = this.targets.stream()
			.flatMap(target -> target.ticketIdOf(normalised).stream())
			.findFirst()
			.orElseThrow(() -> new UnknownTarget("No ticket " + normalised));
		return this.links.revokeTicketLinks(ticketId, normalised, request.operator(), request.reason());
	}

	@PostMapping("/recipients/revocations")
	@ResponseStatus(HttpStatus.CREATED)
	Revocation revokeRecipient(@RequestBody RevocationRequest request) {
		String address = request.address() == null ? "" : request.address().strip();
		if (!address.matches("[^@\\s]+@[^@\\s]+") || address.length() > 320) {
			throw new IllegalArgumentException("address must be one mail address, like anna@example.org");
		}
		return this.links.revokeRecipientLinks(address, request.operator(), request.reason());
	}

	@PostMapping("/queues/{code}/revocations")
	@ResponseStatus(HttpStatus.CREATED)
	Revocation revokeQueue(@PathVariable String code, @RequestBody RevocationRequest request) {
		if (this.targets.stream().noneMatch(target -> target.isQueue(code))) {
			throw new UnknownTarget("No queue " + code);
		}
		return this.links.revokeQueueLinks(code, request.operator(), request.reason());
	}

	/**
	 * The revocation log, newest first. {@code subject} is a ticket number or queue code; an address is
	 * looked up by its pseudonym ({@code address}, sent as a parameter only because a GET has no body:
	 * prefer the scope and the pseudonym {@code key} in shared logs).
	 */
	@GetMapping("/revocations")
	List<Revocation> revocations(@RequestParam(required = false) Revocation.Scope scope,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String address,
			@RequestParam(required = false) String key, @RequestParam(defaultValue = "100") int limit) {
		int max = Math.max(1, Math.min(limit, 1000));
		if (address != null && !address.isBlank()) {
			return this.links.revocationsOfAddress(address.strip(), max);
		}
		String wanted = subject != null && !subject.isBlank() ? subject.strip() : key;
		return this.links.revocations(scope, wanted == null || wanted.isBlank() ? null : wanted, max);
	}

	/** What the operator asked for: who they are, why, and (for an address) which one. */
	record RevocationRequest(String operator, String reason, String address) {
	}

	static final class UnknownTarget extends RuntimeException {

		UnknownTarget(String message) {
			super(message);
		}

	}

	@ExceptionHandler(UnknownTarget.class)
	ProblemDetail notFound(UnknownTarget ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail badParameter(MethodArgumentTypeMismatchException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Bad value for " + ex.getName() + "; scopes are TICKET, RECIPIENT, QUEUE");
	}

}
