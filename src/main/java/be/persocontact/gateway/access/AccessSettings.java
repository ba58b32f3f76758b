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
 */
@Validated
@ConfigurationProperties("gateway.access")
public record AccessSettings(String secret, @NotBlank String secretFile, @DefaultValue("k1") @NotBlank String activeKeyId,
		Map<String, String> previousKeys, @NotNull Duration viewLifetime) {

	public AccessSettings {
		previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
	}

}
