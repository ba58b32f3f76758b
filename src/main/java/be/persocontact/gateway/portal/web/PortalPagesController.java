package be.persocontact.gateway.portal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import be.persocontact.gateway.access.LinkUse;
import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.catalogue.CatalogueManagement;
import be.persocontact.gateway.catalogue.Form;
import be.persocontact.gateway.portal.PortalLinks;
import be.persocontact.gateway.portal.PortalSettings;
import be.persocontact.gateway.portal.Submission;
import be.persocontact.gateway.portal.SubmissionManagement;
import be.persocontact.gateway.portal.SubmissionOutcome;
import be.persocontact.gateway.portal.Visitor;
import be.persocontact.gateway.ticket.Requester;
import be.persocontact.gateway.ticket.TicketManagement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The server-rendered portal pages: request a link by mail, then, through that link, the themes, the
 * most used forms, search, one's own tickets, a form, and the page confirming the ticket. Plain HTML
 * forms, no script; the same checks and sentences as the API.
 */
@Controller
class PortalPagesController {

	static final String LOCALE_ATTRIBUTE = "gateway.locale";

	/** Field values arrive as {@code v.<name>}, apart from the page's own parameters. */
	static final String VALUE_PREFIX = "v.";

	private static final String CALLER = "portal-pages";

	private final PortalLinks portalLinks;

	private final CatalogueManagement catalogue;

	private final SubmissionManagement submissions;

	private final TicketManagement tickets;

	private final SignedLinks links;

	private final ProblemWording wording;

	private final PortalSettings settings;

	private final String defaultLanguage;

	private final UploadedFiles uploaded;

	PortalPagesController(PortalLinks portalLinks, CatalogueManagement catalogue, SubmissionManagement submissions,
			TicketManagement tickets, SignedLinks links, ProblemWording wording, PortalSettings settings,
			UploadedFiles uploaded, @Value("${gateway.default-language}") String defaultLanguage) {
		this.uploaded = uploaded;
		this.portalLinks = portalLinks;
		this.catalogue = catalogue;
		this.submissions = submissions;
		this.tickets = tickets;
		this.links = links;
		this.wording = wording;
		this.settings = settings;
		this.defaultLanguage = defaultLanguage;
	}

	@GetMapping("/portal/link")
	String requestLink() {
		return "portal/request-link";
	}

	@PostMapping("/portal/link")
	String sendLink(@RequestParam(defaultValue = "") String address, Model model, HttpServletResponse response) {
		String language = LocaleContextHolder.getLocale().getLanguage();
		String trimmed = address.strip();
		if (!trimmed.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || trimmed.length() > 320) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("address", trimmed);
			model.addAttribute("addressError", true);
			return "portal/request-link";
		}
		this.portalLinks.sendLink(trimmed, language);
		return "portal/link-sent";
	}

	@GetMapping("/portal/{token}")
	String home(@PathVariable String token, @RequestParam(defaultValue = "") String q,
			@RequestParam(name = "t", defaultValue = "") String ticketQuery, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		PortalLinks.Visit visit = visit(token, request);
		Optional<Visitor> visitor = visit.visitorIfAny();
		if (visitor.isEmpty()) {
			return linkProblem(visit, response);
		}
		String language = LocaleContextHolder.getLocale().getLanguage();
		model.addAttribute("token", token);
		model.addAttribute("themes", this.catalogue.themes().stream().map(theme -> CatalogueViews.theme(theme, language)).toList());
		model.addAttribute("recommended", this.submissions.mostUsedForms(3).stream()
			.flatMap(code -> this.catalogue.form(code).stream())
			.map(form -> CatalogueViews.summary(form, language))
			.toList());
		model.addAttribute("q", q);
		model.addAttribute("found", q.isBlank() ? null
				: this.catalogue.search(q).stream().map(form -> CatalogueViews.summary(form, language)).toList());
		model.addAttribute("t", ticketQuery);
		model.addAttribute("tickets", this.tickets.findOfRequester(visitor.get().address(), ticketQuery, 20)
			.stream()
			.map(ticket -> new TicketRow(ticket.number().value(), ticket.subject(), ticket.status().name(),
					this.links.listedViewUrl(ticket.id(), ticket.requester().address())))
			.toList());
		return "portal/home";
	}

	@GetMapping("/portal/{token}/forms/{code}")
	String form(@PathVariable String token, @PathVariable String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		PortalLinks.Visit visit = visit(token, request);
		Optional<Visitor> visitor = visit.visitorIfAny();
		if (visitor.isEmpty()) {
			return linkProblem(visit, response);
		}
		Optional<Form> form = this.catalogue.form(code);
		if (form.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "portal/not-found";
		}
		return formPage(token, form.get(), Map.of(), "", List.of(), UUID.randomUUID().toString(), model);
	}

	@PostMapping("/portal/{token}/forms/{code}")
	String submit(@PathVariable String token, @PathVariable String code,
			@RequestParam MultiValueMap<String, String> parameters,
			@RequestParam(name = "files", required = false) List<MultipartFile> uploads, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		PortalLinks.Visit visit = visit(token, request);
		Optional<Visitor> visitor = visit.visitorIfAny();
		if (visitor.isEmpty()) {
			return linkProblem(visit, response);
		}
		Optional<Form> form = this.catalogue.form(code);
		if (form.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "portal/not-found";
		}
		Map<String, String> values = new LinkedHashMap<>();
		parameters.forEach((name, submitted) -> {
			if (name.startsWith(VALUE_PREFIX) && !submitted.isEmpty()) {
				values.put(name.substring(VALUE_PREFIX.length()), submitted.get(submitted.size() - 1));
			}
		});
		List<MultipartFile> files = uploads == null ? List.of() : uploads.stream()
			.filter(upload -> !upload.isEmpty()
					|| (upload.getOriginalFilename() != null && !upload.getOriginalFilename().isBlank()))
			.toList();
		String comment = parameters.getFirst("comment");
		String key = Optional.ofNullable(parameters.getFirst("idempotencyKey")).orElse(UUID.randomUUID().toString());
		String language = LocaleContextHolder.getLocale().getLanguage();
		SubmissionOutcome outcome = this.uploaded.submitWith(files, read -> this.submissions.submit(new Submission(code,
				null, visitor.get().address(), null, language, values, comment, key, read), CALLER, this.defaultLanguage));
		if (outcome instanceof SubmissionOutcome.Accepted accepted) {
			model.addAttribute("token", token);
			model.addAttribute("number", accepted.ticketNumber());
			model.addAttribute("viewLink", accepted.viewUrl());
			model.addAttribute("formTitle", form.get().title().in(language));
			return "portal/submitted";
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		List<ProblemWording.Worded> errors = outcome instanceof SubmissionOutcome.Refused refused
				? this.wording.word(refused) : List.of();
		// a key already used for other content: the page offers a fresh one with the same values
		return formPage(token, form.get(), values, comment == null ? "" : comment, errors,
				outcome instanceof SubmissionOutcome.KeyReused ? UUID.randomUUID().toString() : key, model);
	}

	private String formPage(String token, Form form, Map<String, String> values, String comment,
			List<ProblemWording.Worded> errors, String idempotencyKey, Model model) {
		String language = LocaleContextHolder.getLocale().getLanguage();
		Map<String, String> errorByField = new LinkedHashMap<>();
		errors.forEach(error -> errorByField.merge(error.field(), error.message(), (a, b) -> a + " " + b));
		model.addAttribute("token", token);
		model.addAttribute("form", CatalogueViews.form(form, language));
		model.addAttribute("values", values);
		model.addAttribute("comment", comment);
		model.addAttribute("errors", errors);
		model.addAttribute("errorByField", errorByField);
		model.addAttribute("idempotencyKey", idempotencyKey);
		model.addAttribute("maxFileMegabytes", this.settings.maxFileSize().toMegabytes());
		model.addAttribute("acceptedTypes", String.join(", ", this.settings.acceptedFileTypes()).toUpperCase(Locale.ROOT));
		model.addAttribute("accept", String.join(",", this.settings.acceptedFileTypes().stream().map(t -> "." + t).toList()));
		return "portal/form";
	}

	/** Opens the link; the pages speak the visitor's language unless {@code ?lang=} says otherwise. */
	private PortalLinks.Visit visit(String token, HttpServletRequest request) {
		PortalLinks.Visit visit = this.portalLinks.open(token, request.getHeader(HttpHeaders.USER_AGENT));
		Optional<Visitor> visitor = visit.visitorIfAny();
		if (visitor.isPresent() && request.getParameter("lang") == null
				&& Requester.LANGUAGES.contains(visitor.get().language())) {
			Locale locale = Locale.forLanguageTag(visitor.get().language());
			request.setAttribute(LOCALE_ATTRIBUTE, locale);
			LocaleContextHolder.setLocale(locale);
		}
		return visit;
	}

	/** An expired or withdrawn link gets 410 and the offer of a new one; anything else 404. */
	private String linkProblem(PortalLinks.Visit visit, HttpServletResponse response) {
		LinkUse.Reason reason = visit.refusal() == null ? LinkUse.Reason.INVALID : visit.refusal();
		response.setStatus(reason == LinkUse.Reason.INVALID ? HttpServletResponse.SC_NOT_FOUND
				: HttpServletResponse.SC_GONE);
		return switch (reason) {
			case EXPIRED -> "portal/link-expired";
			case REVOKED -> "portal/link-withdrawn";
			case INVALID -> "portal/link-invalid";
		};
	}

	record TicketRow(String number, String subject, String status, String viewLink) {
	}

}
