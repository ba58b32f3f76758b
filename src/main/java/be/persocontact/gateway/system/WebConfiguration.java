package be.persocontact.gateway.system;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.MeterRegistry;
import org.thymeleaf.ITemplateEngine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AbstractLocaleResolver;

/** Web concerns shared by every page: the language a page is shown in, and the security headers. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/** Before Spring Security's filter and the rate limits, so that their answers carry the headers too. */
	static final int HEADERS_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10;

	/** One year, the value HSTS preload lists ask for; the whole host is ours to keep on HTTPS. */
	static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

	/** After the request context (its locale), before Spring Security: a flood is cut before any token check. */
	static final int RATE_LIMITS_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2;

	static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("nl"), Locale.forLanguageTag("fr"),
			Locale.forLanguageTag("de"), Locale.forLanguageTag("en"));

	/**
	 * An explicit {@code ?lang=} wins, then the language a controller chose (the requester's), then
	 * the browser's preference among our four, then the configured default.
	 */
	@Bean
	LocaleResolver localeResolver(@Value("${gateway.default-language}") String defaultLanguage) {
		Locale fallback = Locale.forLanguageTag(defaultLanguage);
		return new AbstractLocaleResolver() {
			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				String lang = request.getParameter("lang");
				if (lang != null) {
					Locale asked = Locale.forLanguageTag(lang);
					if (SUPPORTED.contains(asked)) {
						return asked;
					}
				}
				if (request.getAttribute("gateway.locale") instanceof Locale chosen && SUPPORTED.contains(chosen)) {
					return chosen;
				}
				if (request.getHeader("Accept-Language") != null) {
					try {
						Locale best = Locale.lookup(Locale.LanguageRange.parse(request.getHeader("Accept-Language")),
								SUPPORTED);
						if (best != null) {
							return best;
						}
					}
					catch (IllegalArgumentException ex) {
						// a malformed header is no preference
					}
				}
				return fallback;
			}

			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				request.setAttribute("gateway.locale", locale);
			}
		};
	}

	/**
	 * Pages behind signed links hold HR data: never cached, never indexed, no referrer leaking the
	 * token, a policy that forbids scripts and third-party resources outright, no window of another site
	 * keeping a handle on ours, and, when the public address is {@code https}, HSTS so that a browser never
	 * again sends a link over plain HTTP. First of all filters, so that every answer carries them, a
	 * refusal by the rate limits or the security chains included.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter(
			@Value("${gateway.public-base-url}") String publicBaseUrl) {
		boolean https = PublicAddress.isHttps(publicBaseUrl);
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; "
						+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
				response.setHeader("Referrer-Policy", "no-referrer");
				response.setHeader("X-Content-Type-Options", "nosniff");
				response.setHeader("X-Frame-Options", "DENY");
				response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
				if (https) {
					response.setHeader("Strict-Transport-Security", "max-age=" + HSTS_MAX_AGE.toSeconds());
				}
				if (!request.getRequestURI().startsWith("/css/")) {
					response.setHeader("Cache-Control", "no-store");
					response.setHeader("X-Robots-Tag", "noindex, nofollow");
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(HEADERS_ORDER);
		return registration;
	}

	@Bean
	FilterRegistrationBean<PublicRateLimits> publicRateLimits(RateLimitSettings settings, MessageSource messages,
			LocaleResolver localeResolver, ITemplateEngine templates, ObjectProvider<MeterRegistry> meters) {
		FilterRegistrationBean<PublicRateLimits> registration = new FilterRegistrationBean<>(
				new PublicRateLimits(settings, messages, localeResolver, templates, meters));
		registration.setOrder(RATE_LIMITS_ORDER);
		return registration;
	}

}
