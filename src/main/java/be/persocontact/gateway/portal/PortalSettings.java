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
		@DefaultValue("10") @Positive int maxFiles,
		@DefaultValue({ "pdf", "jpg", "jpeg", "png", "tif", "tiff", "heic", "docx", "odt", "txt" }) @NotEmpty List<String> acceptedFileTypes,
		@DefaultValue("P7D") @NotNull Duration linkLifetime, @DefaultValue("PT1M") @NotNull Duration linkResendInterval,
		@DefaultValue("false") boolean acknowledgeSensitiveValues) {

	/**
	 * @param issuerUri the issuer every token must name; its metadata gives the key set when
	 * {@code jwkSetUri} is blank
	 * @param jwkSetUri where the issuer's public keys are
	 * @param audience when set, tokens must be meant for this audience
	 */
	public record Jwt(String issuerUri, String jwkSetUri, String audience) {

		public boolean isConfigured() {
			return hasText(this.issuerUri) || hasText(this.jwkSetUri);
		}

		private static boolean hasText(String value) {
			return value != null && !value.isBlank();
		}

	}

}
