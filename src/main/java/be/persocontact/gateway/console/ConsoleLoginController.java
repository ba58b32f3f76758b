package be.persocontact.gateway.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import be.persocontact.gateway.system.OperatorTokens;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator token exchanged for a console session. The operator also says who they are: the token is
 * shared, and revocations, exports and erasures are logged under that name. Wrong tokens count against
 * the same limit as on the operator API.
 */
@Controller
class ConsoleLoginController {

	private final OperatorTokens tokens;

	private final ConsoleSettings settings;

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	ConsoleLoginController(OperatorTokens tokens, ConsoleSettings settings, Clock clock) {
		this.tokens = tokens;
		this.settings = settings;
		this.clock = clock;
	}

	@org.springframework.web.bind.annotation.ModelAttribute("inactivityMinutes")
	long inactivityMinutes() {
		return Math.max(1, this.settings.inactivity().toMinutes());
	}

	@GetMapping(ConsoleSecurity.BASE + "/login")
	String loginPage(Model model, HttpServletResponse response) {
		if (!this.tokens.isOn()) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			model.addAttribute("problem", "console.login.off");
		}
		return "console/login";
	}

	@PostMapping(ConsoleSecurity.BASE + "/login")
	String login(@RequestParam(defaultValue = "") String operator, @RequestParam(defaultValue = "") String token,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		String name = operator.strip();
		switch (this.tokens.check(request, token)) {
			case OFF -> {
				response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
				model.addAttribute("problem", "console.login.off");
				return "console/login";
			}
			case THROTTLED -> {
				response.setStatus(429);
				response.setHeader("Retry-After", String.valueOf(this.tokens.retryAfter(request).toSeconds()));
				model.addAttribute("problem", "console.login.throttled");
				return "console/login";
			}
			case WRONG -> {
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				model.addAttribute("problem", "console.login.wrong");
				model.addAttribute("operator", name);
				return "console/login";
			}
			case RIGHT -> {
				// the token was right; the name is checked after it, so that the form tells a guesser nothing
			}
		}
		if (name.isEmpty() || name.length() > 320) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", "console.login.name");
			return "console/login";
		}
		// a new session id: a session planted before the login is worth nothing after it
		HttpSession session = request.getSession(true);
		request.changeSessionId();
		// and a new CSRF token: one seen before the login is worth nothing after it either
		new HttpSessionCsrfTokenRepository().saveToken(null, request, response);
		Instant now = this.clock.instant();
		session.setAttribute(ConsoleSecurity.LOGGED_IN_AT, now);
		session.setAttribute(ConsoleSecurity.LAST_SEEN_AT, now);
		session.setMaxInactiveInterval((int) this.settings.inactivity().toSeconds() + 60);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + ConsoleSecurity.ROLE))));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		return "redirect:" + ConsoleSecurity.BASE + "/inbound";
	}

	@GetMapping(ConsoleSecurity.BASE)
	String home() {
		return "redirect:" + ConsoleSecurity.BASE + "/inbound";
	}

}
