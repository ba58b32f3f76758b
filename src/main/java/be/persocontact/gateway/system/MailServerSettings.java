package be.persocontact.gateway.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The helpdesk mailbox and the IMAP/SMTP servers it lives on ({@code gateway.mail.*}). The mail
 * routes read the same keys as endpoint placeholders; this class validates them at start-up.
 * <p>
 * How the gateway signs in is part of the mailbox: {@code auth} is {@code password} (the login and
 * password below) or {@code oauth2} (an access token from {@link MailOAuth2Settings}, presented with
 * SASL XOAUTH2 to IMAP and SMTP alike). An OAuth2 set-up that misses a setting, or that would send the
 * token unencrypted to another machine, refuses start-up with the setting named.
 *
 * @param smtpHost the SMTP server when it is not {@code host} (Microsoft 365: smtp.office365.com)
 * @param smtpStarttls upgrade a plain {@code smtp} connection with STARTTLS, and refuse to send without it
 * (Microsoft 365 takes SMTP on port 587 only this way)
 * @param smtpUsername the SMTP login; empty for an unauthenticated relay (password sign-in only)
 */
@Validated
@ConfigurationProperties("gateway.mail")
public record MailServerSettings(@NotBlank String host, @Pattern(regexp = "imaps?") String imapProtocol,
		@Positive int imapPort, @Pattern(regexp = "smtps?") String smtpProtocol, @Positive int smtpPort,
		@NotBlank String username, String password, @NotBlank @Email String address, @NotBlank String folder,
		@NotBlank String processedFolder, @NotBlank String quarantineFolder, String smtpHost,
		@DefaultValue("false") boolean smtpStarttls, String smtpUsername, String smtpPassword,
		@DefaultValue("password") SignInMethod auth, @Valid @DefaultValue MailOAuth2Settings oauth2) {

	/** How the gateway signs in to the mailbox's servers. */
	public enum SignInMethod {

		/** The login and password of {@code gateway.mail.username} / {@code .password}. */
		PASSWORD,

		/** An OAuth2 access token, presented with SASL XOAUTH2. */
		OAUTH2

	}

	public MailServerSettings {
		smtpHost = smtpHost == null || smtpHost.isBlank() ? host : smtpHost.strip();
		smtpUsername = smtpUsername == null ? username : smtpUsername;
		smtpPassword = smtpPassword == null ? password : smtpPassword;
		auth = auth == null ? SignInMethod.PASSWORD : auth;
		oauth2 = oauth2 == null ? new MailOAuth2Settings(null, null, null, null, null, null, null, null, null, null, null)
				: oauth2;
		if (auth == SignInMethod.OAUTH2) {
			oauth2.checkComplete();
			refuseUnencrypted(imapProtocol, "imap", host, "GATEWAY_MAIL_IMAP_PROTOCOL", "imaps");
			if (!smtpStarttls) {
				refuseUnencrypted(smtpProtocol, "smtp", smtpHost, "GATEWAY_MAIL_SMTP_PROTOCOL",
						"smtps, or GATEWAY_MAIL_SMTP_STARTTLS=true");
			}
			if (smtpUsername == null || smtpUsername.isBlank()) {
				throw new IllegalArgumentException("GATEWAY_MAIL_AUTH=oauth2 signs in to SMTP too, as "
						+ "GATEWAY_MAIL_SMTP_USERNAME (by default the mailbox, GATEWAY_MAIL_USERNAME); it is empty");
			}
		}
	}

	/** Whether the gateway signs in with an OAuth2 access token. */
	public boolean usesOAuth2() {
		return this.auth == SignInMethod.OAUTH2;
	}

	/** An access token is as good as a password: it crosses the network encrypted, or stays on this machine. */
	private static void refuseUnencrypted(String protocol, String plain, String host, String setting, String use) {
		if (plain.equals(protocol) && !isLoopback(host)) {
			throw new IllegalArgumentException("GATEWAY_MAIL_AUTH=oauth2 would send the access token unencrypted: "
					+ setting + "=" + plain + " to " + host + ". Use " + use + ".");
		}
	}

	static boolean isLoopback(String host) {
		if (host == null || host.isBlank()) {
			return false;
		}
		if ("localhost".equalsIgnoreCase(host)) {
			return true;
		}
		// only a literal address is judged, never a name looked up in DNS
		if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+\\]?")) {
			return false;
		}
		try {
			return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
		}
		catch (UnknownHostException notAnAddress) {
			return false;
		}
	}

}
