package be.persocontact.gateway.system;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Per-client limits on what anyone can send without an account: the pages behind signed links and the
 * portal pages, the forms posted from them, requests for a portal link (each one mails an address), and
 * the APIs. It runs before every security chain, so that a flood of forged tokens is cut short as cheaply
 * as a flood of page views. Past the limit a page gets a short 429 page in the four languages, an API a
 * problem body; both say when to come back ({@code Retry-After}).
 */
class PublicRateLimits extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(PublicRateLimits.class);

	/** What a request is counted as. */
	enum Kind {

		PAGES, FORM_POSTS, LINK_REQUESTS, API;

		String tag() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	private static final List<String> PAGE_PREFIXES = List.of("/t/", "/me/", "/a/", "/r/", "/o/", "/d/", "/portal/");

	private final Map<Kind, ClientLimits> limits = new EnumMap<>(Kind.class);

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final ITemplateEngine templates;

	private final ObjectProvider<MeterRegistry> meters;

	private final JsonMapper json = JsonMapper.builder().build();

	PublicRateLimits(RateLimitSettings settings, MessageSource messages, LocaleResolver locales, ITemplateEngine templates,
			ObjectProvider<MeterRegistry> meters) {
		this.limits.put(Kind.PAGES, limits("pages", settings.pages(), settings.maxClients()));
		this.limits.put(Kind.FORM_POSTS, limits("form-posts", settings.formPosts(), settings.maxClients()));
		this.limits.put(Kind.LINK_REQUESTS, limits("link-requests", settings.linkRequests(), settings.maxClients()));
		this.limits.put(Kind.API, limits("api", settings.api(), settings.maxClients()));
		this.messages = messages;
		this.locales = locales;
		this.templates = templates;
		this.meters = meters;
	}

	private static ClientLimits limits(String name, RateLimitSettings.Limit limit, int maxClients) {
		return new ClientLimits(name, limit.requests(), limit.per(), maxClients);
	}

	/**
	 * Which limit a request counts against; empty for the style sheet, health and anything else, and for
	 * the operator API, whose wrong tokens {@link OperatorAccess} counts itself.
	 */
	static Optional<Kind> kindOf(String method, String path) {
		boolean reads = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
		if (path.startsWith("/api/ops/")) {
			return Optional.empty();
		}
		if (path.startsWith("/api/")) {
			return Optional.of(Kind.API);
		}
		if (path.equals("/portal/link") && !reads) {
			return Optional.of(Kind.LINK_REQUESTS);
		}
		if (PAGE_PREFIXES.stream().anyMatch(path::startsWith)) {
			return Optional.of(reads ? Kind.PAGES : Kind.FORM_POSTS);
		}
		return Optional.empty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Optional<Kind> kind = kindOf(request.getMethod(), path);
		if (kind.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		ClientLimits limit = this.limits.get(kind.get());
		String client = ClientAddress.of(request);
		ClientLimits.Outcome outcome = limit.tryAcquire(client);
		if (outcome.allowed()) {
			chain.doFilter(request, response);
			return;
		}
		if (outcome == ClientLimits.Outcome.FIRST_REFUSAL) {
			log.warn("Rate limit {} reached by {} ({} {}); refusing it for {}", limit.name(), client, request.getMethod(),
					path, limit.retryAfter(client));
		}
		this.meters.ifAvailable(registry -> registry.counter("gateway.web.rate-limited", "kind", kind.get().tag()).increment());
		refuse(request, response, kind.get(), limit.retryAfter(client));
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Kind kind, Duration retryAfter)
			throws IOException {
		Locale locale = this.locales.resolveLocale(request);
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()));
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
		if (kind == Kind.API) {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "/problems/too-many-requests");
			problem.put("title", this.messages.getMessage("tooMany.title", null, locale));
			problem.put("status", 429);
			problem.put("detail", this.messages.getMessage("tooMany.api", new Object[] { retryAfter.toSeconds() }, locale));
			problem.put("instance", request.getRequestURI());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write(this.json.writeValueAsString(problem));
			return;
		}
		long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
		List<Text> texts = Stream.concat(Stream.of(locale.getLanguage()), Stream.of("nl", "fr", "de", "en"))
			.distinct()
			.map(Locale::forLanguageTag)
			.map(language -> new Text(language.getLanguage(), this.messages.getMessage("tooMany.title", null, language),
					this.messages.getMessage("tooMany.text", new Object[] { minutes }, language)))
			.toList();
		Context page = new Context(locale);
		page.setVariable("texts", texts);
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.getWriter().write(this.templates.process("too-many-requests", page));
	}

	record Text(String language, String title, String explanation) {
	}

}
