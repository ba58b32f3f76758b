package be.persocontact.gateway.portal.web;

import java.util.ArrayList;
import java.util.Collection;
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
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call {@code /api/portal/**}, and for whom. In production the caller presents a bearer JWT: it
 * must come from the configured issuer, name the gateway as its audience (401 otherwise), and be issued
 * to a configured client and carry the configured scope (403 otherwise). Which employee's tickets and
 * submissions it may touch is decided per request by {@link CallerRights}. In the embedded run, with no
 * issuer configured, the static bearer key is the portal's own back end: it acts for any employee. Either
 * way the API is stateless: no session, no cookie, hence no CSRF token to check.
 */
@Configuration(proxyBeanMethods = false)
class PortalApiSecurity {

	/** A caller the configuration allows: right client, right scope (or the static key). */
	static final String AUTHORITY = "PORTAL";

	/** A caller that may act for any employee: the on-behalf-of scope, or the static key. */
	static final String ON_BEHALF_OF_ANY_EMPLOYEE = "PORTAL_ON_BEHALF_OF_ANY_EMPLOYEE";

	@Bean
	@Order(10)
	SecurityFilterChain portalApiFilterChain(HttpSecurity http, PortalSettings settings, PortalApiProblems problems)
			throws Exception {
		AuthenticationManager callers = settings.jwt().isConfigured() ? jwtCallers(settings.jwt())
				: apiKeyCaller(PortalApiKey.of(settings));
		http.securityMatcher("/api/portal/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(AUTHORITY))
			.oauth2ResourceServer(server -> server.authenticationManagerResolver(request -> callers)
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.logout(logout -> logout.disable())
			.headers(headers -> headers.disable());
		return http.build();
	}

	/** The static key of the embedded run: the portal itself, acting for whichever employee it vouches for. */
	static AuthenticationManager apiKeyCaller(PortalApiKey key) {
		return authentication -> {
			if (authentication instanceof BearerTokenAuthenticationToken bearer && key.matches(bearer.getToken())) {
				return UsernamePasswordAuthenticationToken.authenticated("portal", null,
						AuthorityUtils.createAuthorityList(AUTHORITY, ON_BEHALF_OF_ANY_EMPLOYEE));
			}
			throw new InvalidBearerTokenException("Unknown bearer token");
		};
	}

	static AuthenticationManager jwtCallers(PortalSettings.Jwt settings) {
		JwtDecoder decoder = new SupplierJwtDecoder(() -> {
			// resolved on first use, so that the gateway starts while the issuer is briefly unreachable
			NimbusJwtDecoder nimbus = hasText(settings.jwkSetUri())
					? NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build()
					: NimbusJwtDecoder.withIssuerLocation(settings.issuerUri()).build();
			List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
			validators.add(JwtValidators.createDefaultWithIssuer(settings.issuerUri()));
			validators.add(new JwtClaimValidator<List<String>>("aud",
					audience -> audience != null && audience.contains(settings.audience())));
			nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
			return nimbus;
		});
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(authorities(settings));
		return new ProviderManager(provider);
	}

	/**
	 * {@code SCOPE_…} for every scope of the token, {@link #AUTHORITY} when its client and scope are the
	 * configured ones, {@link #ON_BEHALF_OF_ANY_EMPLOYEE} when it also carries the on-behalf-of scope.
	 */
	private static JwtAuthenticationConverter authorities(PortalSettings.Jwt settings) {
		JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(jwt -> {
			Collection<GrantedAuthority> granted = new ArrayList<>(scopes.convert(jwt));
			if (CallerRights.refusal(jwt, settings).isEmpty()) {
				granted.add(new SimpleGrantedAuthority(AUTHORITY));
				if (CallerRights.hasScope(jwt, settings.onBehalfOfScope())) {
					granted.add(new SimpleGrantedAuthority(ON_BEHALF_OF_ANY_EMPLOYEE));
				}
			}
			return granted;
		});
		return converter;
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
