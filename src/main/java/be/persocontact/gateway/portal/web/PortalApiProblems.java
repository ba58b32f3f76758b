package be.persocontact.gateway.portal.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import be.persocontact.gateway.portal.PortalSettings;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The answers of the portal API to a caller it does not let in: 401 for a missing, forged, expired or
 * foreign token, 403 for a genuine token of a client or without a scope the configuration does not allow.
 * Besides the {@code WWW-Authenticate} header of RFC 6750, an RFC 9457 problem body says what is wrong,
 * so that whoever sets up the portal sees it at once.
 */
@Component
class PortalApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

	private final JsonMapper json = JsonMapper.builder().build();

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final PortalSettings.Jwt settings;

	PortalApiProblems(MessageSource messages, LocaleResolver locales, PortalSettings settings) {
		this.messages = messages;
		this.locales = locales;
		this.settings = settings.jwt();
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
			throws IOException {
		this.bearerEntryPoint.commence(request, response, refused);
		Locale locale = this.locales.resolveLocale(request);
		Map<String, Object> problem = problem(ProblemWording.UNAUTHENTICATED, HttpServletResponse.SC_UNAUTHORIZED,
				text("portal.api.unauthenticated.title", locale), text("portal.api.unauthenticated", locale), request);
		problem.put("reason", refused.getMessage());
		write(response, problem, locale);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		this.bearerDenied.handle(request, response, denied);
		Locale locale = this.locales.resolveLocale(request);
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		String detail = text("portal.api.forbidden", locale);
		if (caller instanceof JwtAuthenticationToken token) {
			detail = switch (CallerRights.refusal(token.getToken(), this.settings).orElse(CallerRights.Refusal.CLIENT)) {
				case CLIENT -> text("portal.api.forbidden.client", locale, String.valueOf(CallerRights.clientOf(token.getToken())));
				case SCOPE -> text("portal.api.forbidden.scope", locale, this.settings.scope());
			};
		}
		write(response, problem(ProblemWording.FORBIDDEN, HttpServletResponse.SC_FORBIDDEN,
				text("portal.api.forbidden.title", locale), detail, request), locale);
	}

	private static Map<String, Object> problem(java.net.URI type, int status, String title, String detail,
			HttpServletRequest request) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type.toString());
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		return problem;
	}

	private void write(HttpServletResponse response, Map<String, Object> problem, Locale locale) throws IOException {
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
		response.getWriter().write(this.json.writeValueAsString(problem));
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
