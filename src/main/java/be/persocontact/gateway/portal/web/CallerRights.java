package be.persocontact.gateway.portal.web;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import be.persocontact.gateway.portal.PortalSettings;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * What an authenticated caller of the portal API may do. A token that carries an employee's identity acts
 * for that employee only: asking for another one's tickets, or submitting in another one's name, is
 * refused. Only a caller holding the on-behalf-of scope (the portal's back end), or the static key of the
 * embedded run, acts for any employee it vouches for.
 */
@Component
class CallerRights {

	/** Why a genuine token may not call at all: its client, or a missing scope. */
	enum Refusal {
		CLIENT, SCOPE
	}

	private final PortalSettings.Jwt settings;

	CallerRights(PortalSettings settings) {
		this.settings = settings.jwt();
	}

	/** May this caller read the tickets of, or submit for, the employee with this mail address? */
	boolean mayActFor(Authentication caller, String employeeAddress) {
		if (has(caller, PortalApiSecurity.ON_BEHALF_OF_ANY_EMPLOYEE)) {
			return true;
		}
		Optional<String> own = employeeOf(caller);
		return own.isPresent() && employeeAddress != null && normalise(employeeAddress).equals(own.get());
	}

	/** The employee a token acts for: the configured claim, as a normalised mail address. */
	Optional<String> employeeOf(Authentication caller) {
		if (caller instanceof JwtAuthenticationToken token) {
			String claim = token.getToken().getClaimAsString(this.settings.employeeClaim());
			if (claim != null && !claim.isBlank()) {
				return Optional.of(normalise(claim));
			}
		}
		return Optional.empty();
	}

	String employeeClaim() {
		return this.settings.employeeClaim();
	}

	String onBehalfOfScope() {
		return this.settings.onBehalfOfScope();
	}

	/** Whether a token's client and scopes are the configured ones; the first thing wrong when not. */
	static Optional<Refusal> refusal(Jwt jwt, PortalSettings.Jwt settings) {
		if (!settings.clientIds().isEmpty() && !settings.clientIds().contains(clientOf(jwt))) {
			return Optional.of(Refusal.CLIENT);
		}
		if (settings.scope() != null && !settings.scope().isBlank() && !hasScope(jwt, settings.scope().strip())) {
			return Optional.of(Refusal.SCOPE);
		}
		return Optional.empty();
	}

	/** OpenID Connect names the client in {@code azp}, RFC 9068 in {@code client_id}. */
	static String clientOf(Jwt jwt) {
		String azp = jwt.getClaimAsString("azp");
		return azp != null ? azp : jwt.getClaimAsString("client_id");
	}

	/** RFC 8693 and 9068 give scopes as one space-separated {@code scope}; some issuers as a {@code scp} list. */
	static boolean hasScope(Jwt jwt, String scope) {
		for (String claim : List.of("scope", "scp")) {
			Object value = jwt.getClaims().get(claim);
			if (value instanceof String text && List.of(text.split(" ")).contains(scope)) {
				return true;
			}
			if (value instanceof Collection<?> list && list.contains(scope)) {
				return true;
			}
		}
		return false;
	}

	private static boolean has(Authentication caller, String authority) {
		return caller != null
				&& caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
	}

	private static String normalise(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

}
