package be.persocontact.gateway.portal;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Portal settings ({@code gateway.portal.*}).
 *
 * @param apiKey the static bearer credential of the calling portal, used only when no JWT issuer or
 * key set is configured (the embedded run); generated into {@code apiKeyFile} when blank
 * @param jwt the production set-up: the portal calls with a bearer JWT from this issuer
 * @param maxFileSize the largest file accepted with a submission
 * @param maxFiles the most files accepted with one submission
 * @param maxSubmissionSize the most the files of one submission may hold together: a submission is held in
 * memory while its files are read, like a mail, and may not be larger than one
 * @param acceptedFileTypes file name extensions the form page suggests to the browser's file picker; only a
 * hint: the attachment module decides by the bytes
 * @param linkLifetime how long a link to the portal pages stays valid
 * @param linkResendInterval a second link requested for the same address within this time is not sent
 * @param acknowledgeSensitiveValues whether the acknowledgement mail shows the values of fields the
 * catalogue marks sensitive; by default they are shown only behind the signed link
 */
@Validated
@ConfigurationProperties("gateway.portal")
public record PortalSettings(String apiKey, @DefaultValue("data/portal-api-key") @NotBlank String apiKeyFile,
		@DefaultValue @Valid Jwt jwt, @DefaultValue("10MB") @NotNull DataSize maxFileSize,
		@DefaultValue("10") @Positive int maxFiles, @DefaultValue("30MB") @NotNull DataSize maxSubmissionSize,
		@DefaultValue({ "pdf", "jpg", "jpeg", "png", "tif", "tiff", "heic", "docx", "odt", "txt" }) @NotEmpty List<String> acceptedFileTypes,
		@DefaultValue("P7D") @NotNull Duration linkLifetime, @DefaultValue("PT1M") @NotNull Duration linkResendInterval,
		@DefaultValue("false") boolean acknowledgeSensitiveValues) {

	/**
	 * The production set-up: the portal (or the employee's session at the portal) calls with a bearer JWT.
	 * A token opens the API only when it comes from {@code issuerUri}, names {@code audience}, was issued
	 * to one of {@code clientIds} ({@code azp} or {@code client_id}) and carries {@code scope}, whichever of
	 * the last two are set (one of them must be). It then acts for the one employee whose mail address is
	 * in its {@code employeeClaim}, unless it also carries {@code onBehalfOfScope}: then it may act for any.
	 *
	 * @param issuerUri the issuer every token must name (required); its metadata gives the key set when
	 * {@code jwkSetUri} is blank
	 * @param jwkSetUri where the issuer's public keys are
	 * @param audience the audience every token must name (required): the gateway's own identifier at the issuer
	 * @param clientIds the clients allowed to call, as the token's {@code azp} or {@code client_id} names them
	 * @param scope a scope every token must carry
	 * @param employeeClaim the claim holding the mail address of the employee the token acts for
	 * @param onBehalfOfScope the scope that lets a token act for any employee (the portal's own back end)
	 */
	public record Jwt(String issuerUri, String jwkSetUri, String audience, List<String> clientIds, String scope,
			@DefaultValue("email") String employeeClaim, @DefaultValue("persocontact.on-behalf-of") String onBehalfOfScope) {

		public Jwt {
			clientIds = clientIds == null ? List.of()
					: clientIds.stream().filter(Jwt::hasText).map(String::strip).toList();
			employeeClaim = hasText(employeeClaim) ? employeeClaim.strip() : "email";
			onBehalfOfScope = hasText(onBehalfOfScope) ? onBehalfOfScope.strip() : "persocontact.on-behalf-of";
			if (hasText(issuerUri) || hasText(jwkSetUri)) {
				requireComplete(issuerUri, audience, clientIds, scope);
			}
		}

		public boolean isConfigured() {
			return hasText(this.issuerUri) || hasText(this.jwkSetUri);
		}

		/** Fail closed: a JWT set-up that would let a token of another issuer, service or client in does not start. */
		private static void requireComplete(String issuerUri, String audience, List<String> clientIds, String scope) {
			if (!hasText(issuerUri)) {
				throw new IllegalArgumentException("The portal API takes JWTs (a key set URI is configured) but "
						+ "GATEWAY_PORTAL_JWT_ISSUER_URI is empty: without an issuer, a token of any issuer whose keys "
						+ "were published at that URI would open the API. Set the issuer the portal's tokens name.");
			}
			if (!hasText(audience)) {
				throw new IllegalArgumentException("The portal API takes JWTs but GATEWAY_PORTAL_JWT_AUDIENCE is empty: "
						+ "without an audience, a token the issuer made for any other service would open the API. "
						+ "Set the gateway's own identifier at the issuer.");
			}
			if (clientIds.isEmpty() && !hasText(scope)) {
				throw new IllegalArgumentException("The portal API takes JWTs but neither GATEWAY_PORTAL_JWT_CLIENT_IDS "
						+ "nor GATEWAY_PORTAL_JWT_SCOPE is set: without one, any client of the issuer that can get a token "
						+ "for the gateway's audience could call it. Set the portal's client id, a scope, or both.");
			}
		}

		private static boolean hasText(String value) {
			return value != null && !value.isBlank();
		}

	}

}
