package be.persocontact.gateway.console;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import be.persocontact.gateway.privacy.AccessReports;
import be.persocontact.gateway.privacy.ExportDownload;
import be.persocontact.gateway.privacy.RetentionOverview;
import be.persocontact.gateway.privacy.SubjectAccess;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The privacy side of the console: a person's data exported or erased (an erasure only after a second
 * form that names the person again), a ticket's access report, and the retention in force with the next
 * purge. The privacy module does the work and logs each request under the operator's name.
 */
@Controller
@RequestMapping(ConsoleSecurity.BASE)
class ConsolePrivacyController {

	private final SubjectAccess subjects;

	private final AccessReports reports;

	private final RetentionOverview retention;

	private final TicketManagement tickets;

	private final Notices notices;

	ConsolePrivacyController(SubjectAccess subjects, AccessReports reports, RetentionOverview retention,
			TicketManagement tickets, Notices notices) {
		this.subjects = subjects;
		this.reports = reports;
		this.retention = retention;
		this.tickets = tickets;
		this.notices = notices;
	}

	@GetMapping("/privacy")
	String privacy(@RequestParam(required = false) String ticket, Model model) {
		if (ticket != null && !ticket.isBlank()) {
			String number = ticket.strip().toUpperCase(Locale.ROOT);
			model.addAttribute("ticket", number);
			model.addAttribute("report", this.reports.of(number).orElse(null));
		}
		model.addAttribute("requests", this.subjects.requests(null, null, 20));
		model.addAttribute("page", "privacy");
		return "console/privacy";
	}

	/** Everything held about the person, as the same zip the operator API gives. */
	@PostMapping("/privacy/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "") String address,
			@RequestParam(defaultValue = "") String employeeId, @RequestParam String reason, Principal operator,
			jakarta.servlet.http.HttpServletRequest http, jakarta.servlet.http.HttpServletResponse response) {
		SubjectAccess.Export export;
		try {
			export = this.subjects.export(request(address, employeeId, reason, operator));
		}
		catch (IllegalArgumentException refused) {
			org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(http)
				.put("notice", new Notices.Notice(this.notices.text("console.privacy.refused", refused.getMessage()), true));
			org.springframework.web.servlet.support.RequestContextUtils.saveOutputFlashMap(ConsoleSecurity.BASE + "/privacy",
					http, response);
			return ResponseEntity.status(org.springframework.http.HttpStatus.SEE_OTHER)
				.location(java.net.URI.create(ConsoleSecurity.BASE + "/privacy"))
				.build();
		}
		return ExportDownload.of(export);
	}

	/** The first step of an erasure: what it will touch, and a second form that names the person again. */
	@PostMapping("/privacy/erasure")
	String confirmErasure(@RequestParam(defaultValue = "") String address,
			@RequestParam(defaultValue = "") String employeeId, @RequestParam String reason,
			@RequestParam(defaultValue = "false") boolean includeUnfinishedTickets,
			@RequestParam(defaultValue = "") String keepTicketShells, Model model) {
		List<Ticket> found = address.isBlank() ? List.of() : this.tickets.findByRequester(address.strip());
		model.addAttribute("address", address.strip());
		model.addAttribute("employeeId", employeeId.strip());
		model.addAttribute("reason", reason);
		model.addAttribute("includeUnfinishedTickets", includeUnfinishedTickets);
		model.addAttribute("keepTicketShells", keepTicketShells);
		model.addAttribute("tickets", found);
		model.addAttribute("page", "privacy");
		return "console/erasure";
	}

	/** The erasure itself, only when the confirmation names the same person. */
	@PostMapping("/privacy/erasure/confirmed")
	String erase(@RequestParam(defaultValue = "") String address, @RequestParam(defaultValue = "") String employeeId,
			@RequestParam String reason, @RequestParam(defaultValue = "false") boolean includeUnfinishedTickets,
			@RequestParam(defaultValue = "") String keepTicketShells, @RequestParam(defaultValue = "") String confirm,
			Principal operator, RedirectAttributes redirect) {
		String person = !address.isBlank() ? address.strip() : employeeId.strip();
		if (person.isEmpty() || !person.equalsIgnoreCase(confirm.strip())) {
			this.notices.refused(redirect, "console.erasure.notConfirmed");
			return "redirect:" + ConsoleSecurity.BASE + "/privacy";
		}
		try {
			SubjectAccess.Erasure erasure = this.subjects.erase(request(address, employeeId, reason, operator),
					includeUnfinishedTickets, keepTicketShells.isBlank() ? null : Boolean.valueOf(keepTicketShells));
			this.notices.done(redirect, "console.erasure.done", erasure.requestId(), erasure.tickets().size(),
					String.join(", ", erasure.tickets()));
		}
		catch (SubjectAccess.UnfinishedTickets unfinished) {
			this.notices.refused(redirect, "console.erasure.unfinished", String.join(", ", unfinished.numbers()));
		}
		catch (IllegalArgumentException refused) {
			this.notices.refused(redirect, "console.privacy.refused", refused.getMessage());
		}
		return "redirect:" + ConsoleSecurity.BASE + "/privacy";
	}

	@GetMapping("/retention")
	String retention(Model model) {
		model.addAttribute("overview", this.retention.overview());
		model.addAttribute("records", this.retention.records(null, 50));
		model.addAttribute("page", "retention");
		return "console/retention";
	}

	private static SubjectAccess.Request request(String address, String employeeId, String reason,
			Principal operator) {
		return new SubjectAccess.Request(address.isBlank() ? null : address.strip(),
				employeeId.isBlank() ? null : employeeId.strip(), operator.getName(), reason);
	}

}
