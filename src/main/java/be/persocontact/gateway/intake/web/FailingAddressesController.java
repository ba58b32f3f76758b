package be.persocontact.gateway.intake.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import be.persocontact.gateway.intake.FailingAddresses;
import be.persocontact.gateway.notification.OutboundMail;
import be.persocontact.gateway.notification.Outbox;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators see which addresses our mail no longer goes to (our own mails to them bounced for good), the
 * bounces that made it so and the mails held back; and clear an address, sending the held mails on request.
 */
@RestController
@RequestMapping("/api/ops/failing-addresses")
class FailingAddressesController {

	private final FailingAddresses failing;

	private final Outbox outbox;

	FailingAddressesController(FailingAddresses failing, Outbox outbox) {
		this.failing = failing;
		this.outbox = outbox;
	}

	record Listed(String address, int permanentFailures, Instant lastFailureAt, String lastStatus,
			Instant failingSince, int heldMails) {
	}

	record Held(long id, String kind, Long ticketId, String subject, Instant createdAt, String reason) {
	}

	record Detail(Listed address, List<FailingAddresses.Bounce> bounces, List<Held> held) {
	}

	/** Failing addresses; with {@code all=true} also those with bounces counted but not yet failing. */
	@GetMapping
	List<Listed> list(@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "100") int limit) {
		return this.failing.list(all, Math.max(1, Math.min(limit, 1000))).stream().map(this::listed).toList();
	}

	@GetMapping("/{address:.+}")
	ResponseEntity<Detail> one(@PathVariable String address) {
		return ResponseEntity.of(this.failing.find(address)
			.map(found -> new Detail(listed(found), this.failing.bounces(address), this.outbox.heldFor(address)
				.stream()
				.map(FailingAddressesController::held)
				.toList())));
	}

	/**
	 * Mail goes to the address again; with {@code resendHeld=true} the mails held back for it go too (also
	 * later, once the count is cleared). Not found when nothing is counted or held for it.
	 */
	@DeleteMapping("/{address:.+}")
	Map<String, Object> clear(@PathVariable String address, @RequestParam(defaultValue = "false") boolean resendHeld) {
		boolean cleared = this.failing.clear(address);
		int resent = resendHeld ? this.outbox.releaseHeld(address) : 0;
		int stillHeld = this.outbox.heldFor(address).size();
		if (!cleared && resent == 0 && stillHeld == 0) {
			throw new IllegalArgumentException("Nothing is counted or held for " + address);
		}
		return Map.of("address", address, "cleared", cleared, "resent", resent, "stillHeld", stillHeld);
	}

	private Listed listed(FailingAddresses.FailingAddress found) {
		return new Listed(found.address(), found.permanentFailures(), found.lastFailureAt(), found.lastStatus(),
				found.failingSince(), this.outbox.heldFor(found.address()).size());
	}

	private static Held held(OutboundMail mail) {
		return new Held(mail.id(), mail.kind(), mail.ticketId(), mail.subject(), mail.createdAt(), mail.lastError());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail notFound(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

}
