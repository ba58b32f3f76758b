package be.persocontact.gateway.system;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security of everything no module claims with a chain of its own (modules protect their APIs
 * with chains of a higher order, like the portal's). Pages behind signed links stay public: the token
 * in the URL is the credential, and it is checked by the page itself. Any other {@code /api/**} path
 * is closed until a module opens it deliberately. When management shares the public port (no
 * {@code MANAGEMENT_SERVER_PORT} of its own), only its health is served there: metrics say how much mail
 * the helpdesk receives and when, which is nobody's business outside operations.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain publicPages(HttpSecurity http, Environment environment) throws Exception {
		boolean managementOnPublicPort = ManagementPortType.get(environment) == ManagementPortType.SAME;
		String actuator = environment.getProperty("management.endpoints.web.base-path", "/actuator");
		// the operator API is guarded by OperatorAccess (its bearer token, or off); other APIs stay closed
		http.authorizeHttpRequests(requests -> {
			requests.requestMatchers("/api/ops/**").permitAll().requestMatchers("/api/**").denyAll();
			if (managementOnPublicPort) {
				requests.requestMatchers(actuator + "/health", actuator + "/health/**")
					.permitAll()
					.requestMatchers(actuator, actuator + "/**")
					.denyAll();
			}
			requests.anyRequest().permitAll();
		})
			// No session and no cookie: nothing for a forged cross-site request to ride on. The only
			// form posts carry a signed link in their URL, which another site cannot know.
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.logout(logout -> logout.disable())
			// WebConfiguration's filter sets every page's headers (no-store, CSP, noindex) in one place
			.headers(headers -> headers.disable());
		return http.build();
	}

}
