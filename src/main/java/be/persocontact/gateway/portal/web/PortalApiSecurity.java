package be.persocontact.gateway.portal.web;

import java.util.ArrayList;
import java.util.List;

import be.persocontact.gateway.portal.PortalSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call {@code /api/portal/**}: only the upstream portal, which has authenticated the employee
 * already. In production it presents a bearer JWT from the configured issuer; in the embedded run, with
 * no issuer configured, a static bearer key. Either way the API is stateless: no session, no cookie,
 * hence no CSRF token to check.
 */
@Configuration(proxyBeanMethods = false)
class PortalApiSecurity {

	static final String AUTHORITY = "PORTAL";

	@Bean
	@Order(10)
	SecurityFilterChain portalApiFilterChain(HttpSecurity http, PortalSettings settings) throws Exception {
		AuthenticationManager callers = settings.jwt().isConfigured() ? jwtCallers(settings.jwt())
				: apiKeyCaller(PortalApiKey.of(settings));
		http.securityMatcher("/api/portal/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.oauth2ResourceServer(server -> server.authenticationManagerResolver(request -> callers))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.logout(logout -> logout.disable());
		return http.build();
	}

	static AuthenticationManager apiKeyCaller(PortalApiKey key) {
		return authentication -> {
			if (authentication instanceof BearerTokenAuthenticationToken bearer && key.matches(bearer.getToken())) {
				return UsernamePasswordAuthenticationToken.authenticated("portal", null,
						AuthorityUtils.createAuthorityList(AUTHORITY));
			}
			throw new InvalidBearerTokenException("Unknown bearer token");
		};
	}

	static AuthenticationManager jwtCallers(PortalSettings.Jwt jwt) {
		JwtDecoder decoder = new SupplierJwtDecoder(() -> {
			// resolved on first use, so that the gateway starts while the issuer is briefly unreachable
			NimbusJwtDecoder nimbus = hasText(jwt.jwkSetUri()) ? NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build()
					: NimbusJwtDecoder.withIssuerLocation(jwt.issuerUri()).build();
			List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
			validators.add(hasText(jwt.issuerUri()) ? JwtValidators.createDefaultWithIssuer(jwt.issuerUri())
					: JwtValidators.createDefault());
			if (hasText(jwt.audience())) {
				validators.add(new JwtClaimValidator<List<String>>("aud",
						audience -> audience != null && audience.contains(jwt.audience())));
			}
			nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
			return nimbus;
		});
		return new ProviderManager(new JwtAuthenticationProvider(decoder));
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
