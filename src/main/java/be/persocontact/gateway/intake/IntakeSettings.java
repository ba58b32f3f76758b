package be.persocontact.gateway.intake;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Intake settings ({@code gateway.intake.*}).
 *
 * @param maxAttempts how often a failing message is tried before it is quarantined
 * @param helpdeskAddress our own address: mail from it is our own coming back
 * @param defaultLanguage the language of a requester who gives no hint
 * @param maxMessageSize larger mail is recorded by its headers only and rejected politely
 * @param newTicketsPerSender how many new tickets one sender may open per {@code rateWindow}
 * @param rateWindow the window of that limit
 * @param trustedAuthservIds authserv-ids of our own receiving servers whose {@code Authentication-Results}
 * are believed; empty means none is
 * @param failingAfter permanent bounces after which an address is marked as failing
 * @param trustUnauthenticatedMail act on mail without a trusted DMARC pass; required, knowingly, to run
 * against an external mail server without {@code trustedAuthservIds}
 * @param appendsPerTicket messages one ticket takes by mail per {@code rateWindow}; more are refused
 * @param appendsPerSender messages one sender may add to existing tickets per {@code rateWindow}
 */
@Validated
@ConfigurationProperties("gateway.intake")
public record IntakeSettings(@DefaultValue("3") @Positive int maxAttempts, @NotBlank @Email String helpdeskAddress,
		@NotBlank String defaultLanguage, @DefaultValue("30MB") @NotNull DataSize maxMessageSize,
		@DefaultValue("20") @Positive int newTicketsPerSender, @DefaultValue("PT1H") @NotNull Duration rateWindow,
		@DefaultValue({}) List<String> trustedAuthservIds, @DefaultValue("3") @Positive int failingAfter,
		@DefaultValue("false") boolean trustUnauthenticatedMail, @DefaultValue("30") @Positive int appendsPerTicket,
		@DefaultValue("60") @Positive int appendsPerSender) {

	public IntakeSettings {
		trustedAuthservIds = trustedAuthservIds == null ? List.of()
				: trustedAuthservIds.stream().map(String::strip).filter(id -> !id.isEmpty()).toList();
	}

}
