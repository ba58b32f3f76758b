package be.persocontact.gateway.intake.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.persocontact.gateway.intake.InboundMessage;
import be.persocontact.gateway.intake.InboundMessages;
import be.persocontact.gateway.intake.InboundPersonalData;
import be.persocontact.gateway.intake.InboundSummary;
import be.persocontact.gateway.intake.MailIntake;
import be.persocontact.gateway.intake.Outcome;

import org.springframework.data.domain.Limit;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Operators read what came in and how it ended, and replay what was quarantined. */
@RestController
@RequestMapping("/api/ops/inbound")
class InboundMessagesController {

	private final InboundMessages messages;

	private final MailIntake intake;

	private final InboundPersonalData stored;

	InboundMessagesController(InboundMessages messages, MailIntake intake, InboundPersonalData stored) {
		this.messages = messages;
		this.intake = intake;
		this.stored = stored;
	}

	@GetMapping
	List<InboundSummary> list(@RequestParam(required = false) Outcome outcome,
			@RequestParam(defaultValue = "100") int limit) {
		Limit max = Limit.of(Math.max(1, Math.min(limit, 1000)));
		return outcome == null ? this.messages.findByOrderByIdDesc(max)
				: this.messages.findByOutcomeOrderByIdDesc(outcome, max);
	}

	@GetMapping("/{id}")
	ResponseEntity<InboundSummary> one(@PathVariable long id) {
		return ResponseEntity.of(this.messages.findSummaryById(id));
	}

	@GetMapping("/{id}/raw")
	@Transactional(readOnly = true)
	ResponseEntity<byte[]> raw(@PathVariable long id) {
		Optional<InboundMessage> message = this.messages.findById(id);
		if (message.isPresent() && message.get().rawPurgedAt() != null) {
			throw new RawMailRemoved("The raw mail " + id + " was removed on " + message.get().rawPurgedAt()
					+ " (retention period or erasure on request); its outcome is kept");
		}
		return message.map(found -> this.stored.raw(id).orElseGet(() -> new byte[0]))
			.map(raw -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("message/rfc822"))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("inbound-" + id + ".eml").build().toString())
				.body(raw))
			.orElse(ResponseEntity.notFound().build());
	}

	@PostMapping("/{id}/replay")
	Map<String, Object> replay(@PathVariable long id) {
		Outcome outcome = this.intake.replay(id);
		return Map.of("id", id, "outcome", outcome);
	}

	static final class RawMailRemoved extends RuntimeException {

		RawMailRemoved(String message) {
			super(message);
		}

	}

	@ExceptionHandler(RawMailRemoved.class)
	ProblemDetail gone(RawMailRemoved ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.GONE, ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail notFound(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(IllegalStateException.class)
	ProblemDetail conflict(IllegalStateException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail badParameter(MethodArgumentTypeMismatchException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Bad value for " + ex.getName() + "; outcomes are " + java.util.Arrays.toString(Outcome.values()));
	}

}
