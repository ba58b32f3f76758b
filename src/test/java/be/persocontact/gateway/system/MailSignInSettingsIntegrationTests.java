package be.persocontact.gateway.system;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OAuth2 sign-in that misses a setting, or would send its token or secret unencrypted to another
 * machine, refuses start-up and names what to set; the password sign-in needs none of it.
 */
class MailSignInSettingsIntegrationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class)
		// as in the application: @Value durations (the mail server health's interval) are converted
		.withInitializer(context -> context.getBeanFactory()
			.setConversionService(org.springframework.boot.convert.ApplicationConversionService.getSharedInstance()))
		.withPropertyValues("gateway.mail.host=mail.example.org", "gateway.mail.imap-protocol=imaps",
				"gateway.mail.imap-port=993", "gateway.mail.smtp-protocol=smtps", "gateway.mail.smtp-port=465",
				"gateway.mail.username=helpdesk@example.org", "gateway.mail.address=helpdesk@example.org",
				"gateway.mail.folder=INBOX", "gateway.mail.processed-folder=Processed",
				"gateway.mail.quarantine-folder=Quarantine");

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MailServerSettings.class)
	@Import(MailSignInConfiguration.class)
	static class Settings {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

	@Test
	void thePasswordSignInNeedsNoOAuth2SettingAndAddsNoSessionProperty() {
		this.context.withPropertyValues("gateway.mail.password=secret").run(started -> {
			assertThat(started).hasNotFailed();
			MailSignIn signIn = started.getBean(MailSignIn.class);
			assertThat(signIn.usesOAuth2()).isFalse();
			assertThat(signIn.imapProperties()).isEmpty();
			assertThat(signIn.smtpProperties()).isEmpty();
			assertThat(signIn.imapAuthenticator().getPasswordAuthentication().getPassword()).isEqualTo("secret");
			assertThat(signIn.smtpAuthenticator().getPasswordAuthentication().getUserName()).isEqualTo("helpdesk@example.org");
		});
	}

	@Test
	void eachMissingSettingRefusesStartUpNamingIt() {
		assertRefused("GATEWAY_MAIL_OAUTH2_PROVIDER", "gateway.mail.auth=oauth2");
		assertRefused("GATEWAY_MAIL_OAUTH2_TENANT_ID", "gateway.mail.auth=oauth2", "gateway.mail.oauth2.provider=entra",
				"gateway.mail.oauth2.client-id=app", "gateway.mail.oauth2.client-secret=s");
		assertRefused("GATEWAY_MAIL_OAUTH2_CLIENT_ID", "gateway.mail.auth=oauth2", "gateway.mail.oauth2.provider=entra",
				"gateway.mail.oauth2.tenant-id=contoso.onmicrosoft.com", "gateway.mail.oauth2.client-secret=s");
		assertRefused("neither is set", "gateway.mail.auth=oauth2", "gateway.mail.oauth2.provider=entra",
				"gateway.mail.oauth2.tenant-id=contoso.onmicrosoft.com", "gateway.mail.oauth2.client-id=app");
		assertRefused("GATEWAY_MAIL_OAUTH2_SERVICE_ACCOUNT_KEY_FILE", "gateway.mail.auth=oauth2",
				"gateway.mail.oauth2.provider=google");
		assertRefused("GATEWAY_MAIL_OAUTH2_SERVICE_ACCOUNT_KEY_FILE /nonexistent/key.json cannot be read",
				"gateway.mail.auth=oauth2", "gateway.mail.oauth2.provider=google",
				"gateway.mail.oauth2.service-account-key-file=/nonexistent/key.json");
		assertRefused("GATEWAY_MAIL_OAUTH2_TOKEN_URL", "gateway.mail.auth=oauth2",
				"gateway.mail.oauth2.provider=client-credentials", "gateway.mail.oauth2.client-id=app",
				"gateway.mail.oauth2.client-secret=s");
	}

	@Test
	void aTokenOrSecretThatWouldCrossTheNetworkUnencryptedRefusesStartUp() {
		String[] clientCredentials = { "gateway.mail.auth=oauth2", "gateway.mail.oauth2.provider=client-credentials",
				"gateway.mail.oauth2.client-id=app", "gateway.mail.oauth2.client-secret=s" };
		assertRefused("GATEWAY_MAIL_OAUTH2_TOKEN_URL must be an https:// URL",
				with(clientCredentials, "gateway.mail.oauth2.token-url=http://idp.example.org/token"));
		assertRefused("would send the access token unencrypted: GATEWAY_MAIL_IMAP_PROTOCOL=imap to mail.example.org",
				with(clientCredentials, "gateway.mail.oauth2.token-url=https://idp.example.org/token",
						"gateway.mail.imap-protocol=imap"));
		assertRefused("GATEWAY_MAIL_SMTP_PROTOCOL=smtp to mail.example.org",
				with(clientCredentials, "gateway.mail.oauth2.token-url=https://idp.example.org/token",
						"gateway.mail.smtp-protocol=smtp"));
		this.context
			.withPropertyValues(with(clientCredentials, "gateway.mail.oauth2.token-url=https://idp.example.org/token",
					"gateway.mail.smtp-protocol=smtp", "gateway.mail.smtp-port=587", "gateway.mail.smtp-starttls=true"))
			.run(started -> {
				assertThat(started).hasNotFailed();
				MailSignIn signIn = started.getBean(MailSignIn.class);
				assertThat(signIn.usesOAuth2()).isTrue();
				assertThat(signIn.smtpProperties()).containsEntry("mail.smtp.starttls.required", "true")
					.containsEntry("mail.smtp.auth.mechanisms", "XOAUTH2");
				assertThat(signIn.imapProperties()).containsEntry("mail.imaps.auth.mechanisms", "XOAUTH2");
			});
	}

	@Test
	void anOAuth2SignInWithTheEmbeddedMailServerRefusesStartUp() {
		assertRefused("GATEWAY_MAIL_AUTH=oauth2 needs the mailbox's own servers: set GATEWAY_MAIL_HOST",
				"gateway.embedded.mail.enabled=true", "gateway.mail.host=127.0.0.1", "gateway.mail.imap-protocol=imap",
				"gateway.mail.smtp-protocol=smtp", "gateway.mail.auth=oauth2",
				"gateway.mail.oauth2.provider=client-credentials", "gateway.mail.oauth2.client-id=app",
				"gateway.mail.oauth2.client-secret=s", "gateway.mail.oauth2.token-url=http://127.0.0.1:9/token");
	}

	private void assertRefused(String message, String... properties) {
		this.context.withPropertyValues(properties).run(started -> {
			assertThat(started).hasFailed();
			assertThat(started.getStartupFailure()).rootCause().hasMessageContaining(message);
		});
	}

	private static String[] with(String[] base, String... more) {
		String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

}
