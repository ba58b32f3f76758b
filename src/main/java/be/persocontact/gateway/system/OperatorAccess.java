package be.persocontact.gateway.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operator API ({@code /api/ops/**}) answers only to the configured operator token
 * ({@code Authorization: Bearer …}, at least 32 characters, compared in constant time). Without a token it
 * is switched off. A client that presents {@code maxFailures} wrong tokens within the failure window gets
 * 429 until the window ends, without its token being looked at (so guessing on learns nothing), and the
 * log says so once. The token check and its count of failures are {@link OperatorTokens}', shared with the
 * operator console.
 */
@Configuration(proxyBeanMethods = false)
class OperatorAccess {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> operatorTokenFilter(OperatorTokens tokens) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				switch (tokens.check(request, bearerToken(request))) {
					case OFF -> problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
							"The operator API is off: set GATEWAY_OPS_TOKEN to switch it on.");
					case THROTTLED -> tooManyFailures(response, tokens.retryAfter(request));
					case WRONG -> {
						response.setHeader("WWW-Authenticate", "Bearer realm=\"operators\"");
						problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Operator token missing or wrong.");
					}
					case RIGHT -> chain.doFilter(request, response);
				}
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/api/ops/*");
		return registration;
	}

	/** The token of an {@code Authorization: Bearer …} header (the scheme is case-insensitive); "" otherwise. */
	static String bearerToken(HttpServletRequest request) {
		String given = request.getHeader("Authorization");
		if (given == null || given.length() < 7 || !given.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return "";
		}
		return given.substring(7).strip();
	}

	/** Equal-length digests: comparing them takes the same time whatever the token and its length. */
	static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void tooManyFailures(HttpServletResponse response, Duration retryAfter) throws IOException {
		response.setHeader("Retry-After", String.valueOf(retryAfter.toSeconds()));
		problem(response, 429, "Too many wrong operator tokens from this address; try again in "
				+ retryAfter.toSeconds() + " seconds.");
	}

	private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.getWriter().write("{\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
	}

}
