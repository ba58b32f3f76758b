package be.persocontact.gateway.system;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The helpdesk mailbox and the IMAP/SMTP servers it lives on ({@code gateway.mail.*}). The mail
 * routes read the same keys as endpoint placeholders; this class validates them at start-up.
 */
@Validated
@ConfigurationProperties("gateway.mail")
public record MailServerSettings(@NotBlank String host, @Pattern(regexp = "imaps?") String imapProtocol,
		@Positive int imapPort, @Pattern(regexp = "smtps?") String smtpProtocol, @Positive int smtpPort,
		@NotBlank String username, String password, @NotBlank @Email String address, @NotBlank String folder,
		@NotBlank String processedFolder, @NotBlank String quarantineFolder) {

}
