package be.persocontact.gateway.notification;

import java.time.Duration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound mail settings ({@code gateway.notification.*}).
 *
 * @param fromAddress the helpdesk address mails come from and replies go to
 * @param templatesDir the folder holding {@code html/}, {@code text/} and {@code i18n/}
 * @param maxAttempts attempts before a mail is marked failed for an operator to look at
 * @param initialBackoff the wait after the first failed attempt; doubles each time up to
 * {@code maxBackoff}
 * @param batchSize mails claimed per outbox run
 * @param lease how long a claimed mail is left to its sender before another run may send it again;
 * longer than the slowest SMTP conversation, or a slow send becomes a double send
 * @param firstContactsPerHour how many acknowledgements and notices per hour may go to addresses never
 * written to before; beyond it they are not sent (a flood of forged senders must not make us a mailer)
 */
@Validated
@ConfigurationProperties("gateway.notification")
public record NotificationSettings(@NotBlank @Email String fromAddress, @NotBlank String fromName,
		@NotBlank String templatesDir, @Positive int maxAttempts, @DefaultValue("PT5S") @NotNull Duration initialBackoff,
		@DefaultValue("PT15M") @NotNull Duration maxBackoff, @DefaultValue("20") @Positive int batchSize,
		@DefaultValue("PT2M") @NotNull Duration lease, @DefaultValue("500") @Positive int firstContactsPerHour) {

	/** The domain of our own Message-IDs, so that replies and bounces can be recognised as ours. */
	public String messageIdDomain() {
		return this.fromAddress.substring(this.fromAddress.indexOf('@') + 1);
	}

}
