package be.persocontact.gateway.system;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client limits on what anyone on the network can send without an account
 * ({@code gateway.rate-limits.*}). Each is so many requests per period per client address; more is
 * answered 429 until the period ends.
 *
 * @param pages reading the pages behind signed links and the portal pages ({@code /t}, {@code /me},
 * {@code /a}, {@code /r}, {@code /o}, {@code /d}, {@code /portal/…})
 * @param formPosts sending a form: accepting or refusing a solution, submitting a portal form
 * @param linkRequests asking for a portal link by mail ({@code POST /portal/link}), which mails any address
 * @param api calls to {@code /api/…}; the portal's back end is one client making every employee's calls
 * @param maxClients how many clients are counted one by one; past that (an attack from many addresses)
 * newcomers share one allowance
 */
@Validated
@ConfigurationProperties("gateway.rate-limits")
record RateLimitSettings(@NotNull @Valid Limit pages, @NotNull @Valid Limit formPosts,
		@NotNull @Valid Limit linkRequests, @NotNull @Valid Limit api, @Positive int maxClients) {

	/**
	 * @param requests requests allowed per period
	 * @param per the period
	 */
	record Limit(@Positive int requests, @NotNull Duration per) {

		Limit {
			if (per != null && (per.isZero() || per.isNegative())) {
				throw new IllegalArgumentException("A rate limit period must be positive, not " + per);
			}
		}

	}

}
