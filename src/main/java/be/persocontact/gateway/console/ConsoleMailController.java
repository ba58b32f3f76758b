package be.persocontact.gateway.console;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import be.persocontact.gateway.access.LinkManagement;
import be.persocontact.gateway.access.Revocation;
import be.persocontact.gateway.access.RevocationTargets;
import be.persocontact.gateway.intake.FailingAddresses;
import be.persocontact.gateway.intake.InboundMessage;
import be.persocontact.gateway.intake.InboundMessages;
import be.persocontact.gateway.intake.InboundPersonalData;
import be.persocontact.gateway.intake.MailIntake;
import be.persocontact.gateway.intake.Outcome;
import be.persocontact.gateway.notification.Outbox;

import org.springframework.data.domain.Limit;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mail side of the console: inbound mails by outcome with their reason, the raw mail and the replay;
 * the addresses our mail no longer goes to; and withdrawing the links of a ticket or of an address. Each
 * action is the owning module's, as on the operator API.
 */
@Controller
@RequestMapping(ConsoleSecurity.BASE)
class ConsoleMailController {

	private static final int PAGE = 100;

	private final InboundMessages messages;

	private final MailIntake intake;

	private final FailingAddresses failing;

	private final Outbox outbox;

	private final LinkManagement links;

	private final List<RevocationTargets> targets;

	private final Notices notices;

	private final InboundPersonalData inbound;

	ConsoleMailController(InboundMessages messages, MailIntake intake, FailingAddresses failing, Outbox outbox,
			LinkManagement links, List<RevocationTargets> targets, Notices notices, InboundPersonalData inbound) {
		this.messages = messages;
		this.inbound = inbound;
		this.intake = intake;
		this.failing = failing;
		this.outbox = outbox;
		this.links = links;
		this.targets = targets;
		this.notices = notices;
	}

	@GetMapping("/inbound")
	String inbound(@RequestParam(required = false) String outcome, Model model) {
		Optional<Outcome> wanted = Arrays.stream(Outcome.values()).filter(o -> o.name().equals(outcome)).findFirst();
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("outcome", wanted.map(Outcome::name).orElse(null));
		model.addAttribute("mails", wanted.map(o -> this.messages.findByOutcomeOrderByIdDesc(o, Limit.of(PAGE)))
			.orElseGet(() -> this.messages.findByOrderByIdDesc(Limit.of(PAGE))));
		model.addAttribute("page", "inbound");
		return "console/inbound";
	}

	@GetMapping("/inbound/{id}/raw")
	@Transactional(readOnly = true)
	ResponseEntity<byte[]> raw(@PathVariable long id) {
		Optional<InboundMessage> message = this.messages.findById(id);
		if (message.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		if (message.get().rawPurgedAt() != null) {
			return ResponseEntity.status(HttpStatus.GONE)
				.contentType(MediaType.TEXT_PLAIN)
				.body(this.notices.text("console.inbound.rawRemoved", id, message.get().rawPurgedAt().toString())
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("message/rfc822"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("inbound-" + id + ".eml").build().toString())
			.body(this.inbound.raw(id).orElseGet(() -> new byte[0]));
	}

	@PostMapping("/inbound/{id}/replay")
	String replay(@PathVariable long id, @RequestParam(required = false) String outcome, RedirectAttributes redirect) {
		try {
			Outcome result = this.intake.replay(id);
			this.notices.done(redirect, "console.inbound.replayed", id, result.name());
		}
		catch (RuntimeException refused) {
			// why it cannot be replayed (not quarantined, removed, still unreadable) is the operator's to read
			this.notices.refused(redirect, "console.inbound.replayRefused", id, String.valueOf(refused.getMessage()));
		}
		if (outcome != null && !outcome.isBlank()) {
			redirect.addAttribute("outcome", outcome);
		}
		return "redirect:" + ConsoleSecurity.BASE + "/inbound";
	}

	@GetMapping("/failing-addresses")
	String failingAddresses(@RequestParam(defaultValue = "false") boolean all, Model model) {
		model.addAttribute("all", all);
		model.addAttribute("addresses", this.failing.list(all, PAGE)
			.stream()
			.map(found -> new Listed(found, this.outbox.heldFor(found.address()).size()))
			.toList());
		model.addAttribute("page", "failing-addresses");
		return "console/failing-addresses";
	}

	@PostMapping("/failing-addresses/clear")
	String clear(@RequestParam String address, @RequestParam(defaultValue = "false") boolean resendHeld,
			RedirectAttributes redirect) {
		String wanted = address.strip();
		boolean cleared = this.failing.clear(wanted);
		int resent = resendHeld ? this.outbox.releaseHeld(wanted) : 0;
		if (!cleared && resent == 0 && this.outbox.heldFor(wanted).isEmpty()) {
			this.notices.refused(redirect, "console.failing.nothing", wanted);
		}
		else {
			this.notices.done(redirect, "console.failing.cleared", wanted, resent);
		}
		return "redirect:" + ConsoleSecurity.BASE + "/failing-addresses";
	}

	@GetMapping("/links")
	String links(Model model) {
		model.addAttribute("revocations", this.links.revocations(null, null, 50));
		model.addAttribute("page", "links");
		return "console/links";
	}

	@PostMapping("/links/ticket")
	String revokeTicket(@RequestParam String number, @RequestParam String reason, Principal operator,
			RedirectAttributes redirect) {
		String normalised = number.strip().toUpperCase(Locale.ROOT);
		Optional<Long> ticketId = this.targets.stream()
			.flatMap(target -> target.ticketIdOf(normalised).stream())
			.findFirst();
		if (ticketId.isEmpty()) {
			this.notices.refused(redirect, "console.links.noTicket", normalised);
			return "redirect:" + ConsoleSecurity.BASE + "/links";
		}
		return revoked(redirect, normalised, () -> this.links.revokeTicketLinks(ticketId.get(), normalised,
				operator.getName(), reason));
	}

	@PostMapping("/links/recipient")
	String revokeRecipient(@RequestParam String address, @RequestParam String reason, Principal operator,
			RedirectAttributes redirect) {
		String wanted = address.strip();
		if (!wanted.matches("[^@\\s]+@[^@\\s]+") || wanted.length() > 320) {
			this.notices.refused(redirect, "console.links.badAddress");
			return "redirect:" + ConsoleSecurity.BASE + "/links";
		}
		return revoked(redirect, wanted, () -> this.links.revokeRecipientLinks(wanted, operator.getName(), reason));
	}

	/** @param what the ticket or the address as the operator named it (the log keeps an address's pseudonym) */
	private String revoked(RedirectAttributes redirect, String what,
			java.util.function.Supplier<Revocation> revocation) {
		try {
			Revocation done = revocation.get();
			this.notices.done(redirect, "console.links.revoked", done.scope().name(), what, done.id());
		}
		catch (IllegalArgumentException refused) {
			this.notices.refused(redirect, "console.links.refused", refused.getMessage());
		}
		return "redirect:" + ConsoleSecurity.BASE + "/links";
	}

	/** A failing address with the number of mails held back for it. */
	record Listed(FailingAddresses.FailingAddress address, int heldMails) {
	}

}
