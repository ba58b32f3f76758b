package be.persocontact.gateway.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operator API ({@code /api/ops/**}) answers only to the configured operator token
 * ({@code Authorization: Bearer …}, compared in constant time). Without a token it is switched off.
 */
@Configuration(proxyBeanMethods = false)
class OperatorAccess {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> operatorTokenFilter(@Value("${gateway.ops.token:}") String token) {
		byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				if (token.isBlank()) {
					problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
							"The operator API is off: set GATEWAY_OPS_TOKEN to switch it on.");
					return;
				}
				String given = request.getHeader("Authorization");
				if (given == null
						|| !MessageDigest.isEqual(expected, given.strip().getBytes(StandardCharsets.UTF_8))) {
					response.setHeader("WWW-Authenticate", "Bearer realm=\"operators\"");
					problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Operator token missing or wrong.");
					return;
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/api/ops/*");
		return registration;
	}

	private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.getWriter().write("{\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
	}

}
