package be.persocontact.gateway.console;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's own security chain, before the public one: a session (the only one the gateway keeps) in
 * a cookie scoped to {@code /ops/console}, HttpOnly, SameSite=Strict and Secure when the public address is
 * https; Spring Security's CSRF token on every form, the login form included; every page but the login
 * for a logged-in operator only; and a session that ends after {@code gateway.console.inactivity} without a
 * request or {@code gateway.console.session-lifetime} after the login, whichever comes first.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

	static final String BASE = "/ops/console";

	static final String COOKIE = "GATEWAY_CONSOLE";

	static final String LOGGED_IN_AT = "console.loggedInAt";

	static final String LAST_SEEN_AT = "console.lastSeenAt";

	static final String ROLE = "OPERATOR";

	@Bean
	@Order(20)
	SecurityFilterChain operatorConsole(HttpSecurity http, ConsoleSettings settings, Clock clock) throws Exception {
		http.securityMatcher(BASE, BASE + "/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(BASE + "/login")
				.permitAll()
				.anyRequest()
				.hasRole(ROLE))
			.securityContext(context -> context.securityContextRepository(new HttpSessionSecurityContextRepository()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.csrf(Customizer.withDefaults())
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(BASE + "/login"))
				.accessDeniedHandler(ConsoleSecurity::refuse))
			.logout(logout -> logout.logoutUrl(BASE + "/logout")
				.logoutSuccessUrl(BASE + "/login?loggedOut")
				.deleteCookies(COOKIE))
			.requestCache(cache -> cache.disable())
			// WebConfiguration's filter sets every page's headers (no-store, CSP, frame-ancestors) already
			.headers(headers -> headers.disable())
			.addFilterAfter(new Inactivity(settings, clock), SecurityContextHolderFilter.class);
		return http.build();
	}

	/**
	 * A form whose session is gone (the server forgot it: restart, another instance, expiry) goes to the
	 * login page, having changed nothing; any other refusal, a missing or forged CSRF token above all, is 403.
	 */
	private static void refuse(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		if (denied instanceof CsrfException && request.getRequestedSessionId() != null
				&& !request.isRequestedSessionIdValid()) {
			response.sendRedirect(request.getContextPath() + BASE + "/login?expired");
			return;
		}
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	@Bean
	ServletContextInitializer consoleSessionCookie(@Value("${gateway.public-base-url}") String publicBaseUrl) {
		return context -> {
			SessionCookieConfig cookie = context.getSessionCookieConfig();
			cookie.setName(COOKIE);
			cookie.setPath(BASE);
			cookie.setHttpOnly(true);
			cookie.setAttribute("SameSite", "Strict");
			// Tomcat marks it Secure on an https request anyway; this covers TLS ended at a proxy
			if (publicBaseUrl.startsWith("https:")) {
				cookie.setSecure(true);
			}
		};
	}

	/** Ends a session idle or old past its limits, before anything in it is used. */
	static final class Inactivity extends OncePerRequestFilter {

		private final ConsoleSettings settings;

		private final Clock clock;

		Inactivity(ConsoleSettings settings, Clock clock) {
			this.settings = settings;
			this.clock = clock;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			HttpSession session = request.getSession(false);
			if (session != null && session.getAttribute(LOGGED_IN_AT) instanceof Instant loggedInAt
					&& session.getAttribute(LAST_SEEN_AT) instanceof Instant lastSeenAt) {
				Instant now = this.clock.instant();
				if (now.isAfter(lastSeenAt.plus(this.settings.inactivity()))
						|| now.isAfter(loggedInAt.plus(this.settings.sessionLifetime()))) {
					session.invalidate();
					SecurityContextHolder.clearContext();
					response.sendRedirect(request.getContextPath() + BASE + "/login?expired");
					return;
				}
				session.setAttribute(LAST_SEEN_AT, now);
			}
			chain.doFilter(request, response);
		}

	}

}
