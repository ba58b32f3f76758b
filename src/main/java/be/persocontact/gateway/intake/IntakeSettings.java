package be.persocontact.gateway.intake;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Intake settings ({@code gateway.intake.*}).
 *
 * @param maxAttempts how often a failing message is tried before it is quarantined
 * @param helpdeskAddress our own address: mail from it is our own coming back
 * @param defaultLanguage the language of a requester who gives no hint
 */
@Validated
@ConfigurationProperties("gateway.intake")
public record IntakeSettings(@DefaultValue("3") @Positive int maxAttempts,
		@NotBlank @Email String helpdeskAddress, @NotBlank String defaultLanguage) {

}
