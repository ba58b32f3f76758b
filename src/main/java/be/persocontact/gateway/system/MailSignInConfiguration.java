package be.persocontact.gateway.system;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import be.persocontact.gateway.system.mailsignin.AccessTokens;
import be.persocontact.gateway.system.mailsignin.TokenRenewal;
import be.persocontact.gateway.system.mailsignin.TokenSource;
import be.persocontact.gateway.system.mailsignin.TokenSources;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Each mailbox's {@link MailSignIn} ({@link MailSignIns}), the primary one's as {@code mailSignIn}, the
 * renewal of every token, and the {@code mailSignIn} health of readiness. The mail routes take each
 * mailbox's authenticators and session properties under its id ({@code #imapSignIn-<id>},
 * {@code #smtpSignIn-<id>}, see {@link SmtpEndpoints} and the intake's mailbox routes). Readiness also
 * follows the primary mailbox's IMAP server ({@code mailServer}).
 */
@Configuration(proxyBeanMethods = false)
@Import(MailboxesConfiguration.class)
class MailSignInConfiguration {

	@Bean
	MailSignIns mailSignIns(Mailboxes mailboxes, Clock clock, ObjectProvider<MeterRegistry> registry,
			Environment environment) {
		Map<String, MailSignIn> signIns = new LinkedHashMap<>();
		for (Mailbox mailbox : mailboxes.all()) {
			signIns.put(mailbox.id(), signIn(mailbox, clock, registry, environment));
		}
		return new MailSignIns(signIns);
	}

	/** The primary mailbox's sign-in: the one of {@code gateway.mail.*} when no list is configured. */
	@Bean
	MailSignIn mailSignIn(MailSignIns signIns, Mailboxes mailboxes) {
		return signIns.of(mailboxes.primary().id());
	}

	private static MailSignIn signIn(Mailbox mailbox, Clock clock, ObjectProvider<MeterRegistry> registry,
			Environment environment) {
		MailServerSettings settings = mailbox.server();
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

	/** Asks for the first tokens at once and renews ahead of expiry, for every mailbox; nothing with passwords. */
	@Bean(initMethod = "start", destroyMethod = "close")
	TokenRenewal mailTokenRenewal(MailSignIns signIns, Clock clock) {
		return new TokenRenewal(signIns.tokens(), clock);
	}

	/**
	 * Down while the primary mailbox's IMAP server cannot be reached or signed in to, or has no folder to
	 * read: readiness ({@code readinessState,db,mailServer,mailSignIn}) goes down with it.
	 */
	@Bean
	HealthIndicator mailServerHealthIndicator(Mailboxes mailboxes, MailSignIn signIn, Clock clock,
			@Value("${gateway.mail.health-interval:PT15S}") Duration interval,
			@Value("${gateway.mail.health-timeout:PT5S}") Duration timeout) {
		return new MailServerHealth(mailboxes.primary().server(), signIn, interval, timeout, clock);
	}

	/**
	 * Down while a token could not be renewed or the mail server refused it: the mailbox may soon be
	 * neither read nor sent from. Up, with nothing to check, for a password sign-in.
	 */
	@Bean
	HealthIndicator mailSignInHealthIndicator(MailSignIns signIns) {
		return () -> {
			boolean usable = true;
			boolean oauth2 = false;
			Map<String, Object> logins = new LinkedHashMap<>();
			for (MailSignIn signIn : signIns.all().values()) {
				for (AccessTokens tokens : signIn.tokens()) {
					oauth2 = true;
					logins.put(tokens.login(), tokens.details());
					usable &= tokens.isUsable();
				}
			}
			if (!oauth2) {
				return Health.up().withDetail("method", "password").build();
			}
			return (usable ? Health.up() : Health.down()).withDetail("method", "oauth2").withDetails(logins).build();
		};
	}

}
