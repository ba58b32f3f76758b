package be.persocontact.gateway.system;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import be.persocontact.gateway.system.mailsignin.AccessTokens;
import be.persocontact.gateway.system.mailsignin.TokenRenewal;
import be.persocontact.gateway.system.mailsignin.TokenSource;
import be.persocontact.gateway.system.mailsignin.TokenSources;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.component.mail.MailAuthenticator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The helpdesk mailbox's {@link MailSignIn} and what the mail routes take from it: the IMAP and SMTP
 * authenticators ({@code #imapSignIn}, {@code #smtpSignIn}), the SMTP session properties
 * ({@code #smtpSessionProperties}; the IMAP ones join {@code #imapSessionProperties}), and the
 * {@code mailSignIn} and {@code mailServer} healths of readiness.
 */
@Configuration(proxyBeanMethods = false)
class MailSignInConfiguration {

	@Bean
	MailSignIn mailSignIn(MailServerSettings settings, Clock clock, ObjectProvider<MeterRegistry> registry,
			Environment environment) {
		if (!settings.usesOAuth2()) {
			return MailSignIn.withPassword(settings);
		}
		if (environment.getProperty("gateway.embedded.mail.enabled", Boolean.class, false)) {
			throw new IllegalStateException("GATEWAY_MAIL_AUTH=oauth2 needs the mailbox's own servers: set GATEWAY_MAIL_HOST "
					+ "(without it the embedded mail server starts, which takes no OAuth2 token)");
		}
		MailOAuth2Settings oauth2 = settings.oauth2();
		TokenSource source = TokenSources.of(oauth2, clock);
		MeterRegistry meters = registry.getIfAvailable();
		AccessTokens imap = new AccessTokens(settings.username(), source, oauth2.renewBefore(), clock, meters);
		AccessTokens smtp = !source.perLogin() || settings.smtpUsername().equals(settings.username()) ? imap
				: new AccessTokens(settings.smtpUsername(), source, oauth2.renewBefore(), clock, meters);
		return MailSignIn.withTokens(settings, imap, smtp);
	}

	/** Asks for the first token at once and renews ahead of expiry; nothing with a password. */
	@Bean(initMethod = "start", destroyMethod = "close")
	TokenRenewal mailTokenRenewal(MailSignIn signIn, Clock clock) {
		return new TokenRenewal(signIn.tokens(), clock);
	}

	@Bean
	MailAuthenticator imapSignIn(MailSignIn signIn) {
		return signIn.imapAuthenticator();
	}

	@Bean
	MailAuthenticator smtpSignIn(MailSignIn signIn) {
		return signIn.smtpAuthenticator();
	}

	@Bean
	Properties smtpSessionProperties(MailSignIn signIn) {
		return signIn.smtpProperties();
	}

	/**
	 * Down while the IMAP server cannot be reached or signed in to, or has no folder to read: readiness
	 * ({@code readinessState,db,mailServer,mailSignIn}) goes down with it.
	 */
	@Bean
	HealthIndicator mailServerHealthIndicator(MailServerSettings settings, MailSignIn signIn, Clock clock,
			@Value("${gateway.mail.health-interval:PT15S}") Duration interval,
			@Value("${gateway.mail.health-timeout:PT5S}") Duration timeout) {
		return new MailServerHealth(settings, signIn, interval, timeout, clock);
	}

	/**
	 * Down while a token could not be renewed or the mail server refused it: the mailbox may soon be
	 * neither read nor sent from. Up, with nothing to check, for a password sign-in.
	 */
	@Bean
	HealthIndicator mailSignInHealthIndicator(MailSignIn signIn) {
		return () -> {
			if (!signIn.usesOAuth2()) {
				return Health.up().withDetail("method", "password").build();
			}
			Map<String, Object> logins = new LinkedHashMap<>();
			boolean usable = true;
			for (AccessTokens tokens : signIn.tokens()) {
				logins.put(tokens.login(), tokens.details());
				usable &= tokens.isUsable();
			}
			return (usable ? Health.up() : Health.down()).withDetail("method", "oauth2").withDetails(logins).build();
		};
	}

}
