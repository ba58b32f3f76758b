package be.persocontact.gateway.access;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signed link settings ({@code gateway.access.*}).
 *
 * @param secret the active signing secret (base64, at least 32 bytes); generated into
 * {@code secretFile} when blank
 * @param activeKeyId the id written into new tokens
 * @param previousKeys older secrets by key id: they still verify until removed
 * @param viewLifetime how long a ticket view link stays valid
 * @param attachmentLifetime how long an attachment download link stays valid
 * @param myCasesLifetime how long a "my cases" link stays valid; it is mailed only on request
 * @param decisionLifetime how long the links to accept or refuse a solution stay valid
 * @param listedLinkLifetime how long the links a page lists (the tickets on "my cases" and on the portal
 * pages, the view link on a decision page) stay valid: they are for this visit, not to be kept
 * @param myCasesRequestInterval a second "my cases" link asked for the same address within this time is
 * not sent (a double click, or someone flooding a mailbox)
 */
@Validated
@ConfigurationProperties("gateway.access")
public record AccessSettings(String secret, @NotBlank String secretFile, @DefaultValue("k1") @NotBlank String activeKeyId,
		Map<String, String> previousKeys, @NotNull Duration viewLifetime,
		@DefaultValue("P7D") @NotNull Duration attachmentLifetime, @DefaultValue("P1D") @NotNull Duration myCasesLifetime,
		@DefaultValue("P30D") @NotNull Duration decisionLifetime, @DefaultValue("PT1H") @NotNull Duration listedLinkLifetime,
		@DefaultValue("PT10M") @NotNull Duration myCasesRequestInterval) {

	public AccessSettings {
		previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
		for (Duration lifetime : new Duration[] { viewLifetime, attachmentLifetime, myCasesLifetime, decisionLifetime,
				listedLinkLifetime }) {
			if (lifetime != null && (lifetime.isNegative() || lifetime.isZero())) {
				throw new IllegalArgumentException("gateway.access.*-lifetime must be positive, was " + lifetime);
			}
		}
		if (myCasesRequestInterval != null && myCasesRequestInterval.isNegative()) {
			throw new IllegalArgumentException("gateway.access.my-cases-request-interval must not be negative");
		}
	}

	/** The configured lifetime of links for that purpose; other modules' purposes bring their own. */
	public Duration lifetime(LinkPurpose purpose) {
		return switch (purpose) {
			case VIEW_TICKET, OFFICER_VIEW -> this.viewLifetime;
			case DOWNLOAD_ATTACHMENT -> this.attachmentLifetime;
			case MY_CASES -> this.myCasesLifetime;
			case ACCEPT_SOLUTION, REFUSE_SOLUTION -> this.decisionLifetime;
			default -> throw new IllegalArgumentException("No configured lifetime for " + purpose);
		};
	}

}
