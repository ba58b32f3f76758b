package be.persocontact.gateway.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.persocontact.gateway.portal.SubmissionManagement;
import be.persocontact.gateway.portal.SubmissionOutcome;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code POST /api/portal/submissions}: a multipart request with a JSON part named {@code submission}
 * and any number of file parts. Answers 201 with the ticket, 200 with the same ticket for a repeated
 * idempotency key, 400 with every problem as RFC 9457 problem details, 409 for a key reused for
 * different content, 403 (and nothing stored) when the caller acts for another employee than the one named.
 */
@RestController
class SubmissionApiController {

	static final String PATH = "/api/portal/submissions";

	private final SubmissionManagement submissions;

	private final ProblemWording wording;

	private final JsonMapper json = JsonMapper.builder().build();

	private final String defaultLanguage;

	private final CallerRights rights;

	private final UploadedFiles uploads;

	SubmissionApiController(SubmissionManagement submissions, ProblemWording wording, CallerRights rights,
			UploadedFiles uploads, @Value("${gateway.default-language}") String defaultLanguage) {
		this.submissions = submissions;
		this.uploads = uploads;
		this.wording = wording;
		this.rights = rights;
		this.defaultLanguage = defaultLanguage;
	}

	@PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> submit(MultipartHttpServletRequest request, Authentication caller) {
		SubmissionRequest parsed;
		try {
			parsed = this.json.readValue(jsonPart(request), SubmissionRequest.class);
		}
		catch (JacksonException | IllegalArgumentException unreadable) {
			Locale locale = LocaleContextHolder.getLocale();
			return problem(this.wording.unreadable(PATH, locale), locale.getLanguage());
		}
		String address = parsed.employee() == null ? null : parsed.employee().address();
		if (!this.rights.mayActFor(caller, address)) {
			Locale locale = LocaleContextHolder.getLocale();
			// nothing is stored: a request in someone else's name is not a request of theirs
			return problem(this.wording.notThisEmployee(PATH, locale, this.rights.employeeClaim(),
					this.rights.onBehalfOfScope()), locale.getLanguage());
		}
		SubmissionOutcome outcome = this.uploads.submitWith(uploads(request),
				files -> this.submissions.submit(parsed.toSubmission(files), caller.getName(), this.defaultLanguage));
		if (outcome instanceof SubmissionOutcome.Accepted accepted) {
			return ResponseEntity.status(accepted.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
				.location(URI.create(accepted.viewUrl()))
				.header("Idempotent-Replayed", String.valueOf(accepted.replayed()))
				.body(Map.of("ticketNumber", accepted.ticketNumber(), "viewLink", accepted.viewUrl()));
		}
		if (outcome instanceof SubmissionOutcome.Refused refused) {
			return problem(this.wording.invalid(refused, PATH), refused.language());
		}
		String language = parsed.employee() != null && List.of("nl", "fr", "de", "en").contains(parsed.employee().language())
				? parsed.employee().language() : this.defaultLanguage;
		return problem(this.wording.keyReused(PATH, Locale.forLanguageTag(language)), language);
	}

	private static ResponseEntity<?> problem(org.springframework.http.ProblemDetail problem, String language) {
		return ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.CONTENT_LANGUAGE, language)
			.body(problem);
	}

	/** The JSON part, whether the portal sent it as a plain field or as a part with a file name. */
	private static String jsonPart(MultipartHttpServletRequest request) {
		String field = request.getParameter("submission");
		if (field != null) {
			return field;
		}
		MultipartFile part = request.getFile("submission");
		if (part == null) {
			throw new IllegalArgumentException("no submission part");
		}
		try {
			return new String(part.getBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<MultipartFile> uploads(MultipartHttpServletRequest request) {
		List<MultipartFile> files = new ArrayList<>();
		request.getMultiFileMap().forEach((name, parts) -> {
			if (!name.equals("submission")) {
				files.addAll(parts);
			}
		});
		return files;
	}

}
