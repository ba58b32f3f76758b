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
 * Today's {@code gateway.mail.*} alone is one mailbox, {@code default}; a {@code gateway.mailboxes} list
 * is several, each completed from {@code gateway.mail.*} and signed in to on its own; a list an operator
 * got wrong refuses start-up, naming the entry and what is wrong with it.
 */
class MailboxSettingsIntegrationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class)
		// as in the application: @Value durations (the mail server health's interval) are converted
		.withInitializer(context -> context.getBeanFactory()
			.setConversionService(org.springframework.boot.convert.ApplicationConversionService.getSharedInstance()))
		.withPropertyValues("gateway.mail.host=mail.example.org", "gateway.mail.imap-protocol=imaps",
				"gateway.mail.imap-port=993", "gateway.mail.smtp-protocol=smtps", "gateway.mail.smtp-port=465",
				"gateway.mail.username=helpdesk@example.org", "gateway.mail.password=secret",
				"gateway.mail.address=helpdesk@example.org", "gateway.mail.folder=INBOX",
				"gateway.mail.processed-folder=Processed", "gateway.mail.quarantine-folder=Quarantine",
				"gateway.default-language=nl");

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MailServerSettings.class)
	@Import({ MailboxesConfiguration.class, MailSignInConfiguration.class })
	static class Settings {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

	@Test
	void todaysSettingsAloneAreOneMailboxNamedDefault() {
		this.context.run(started -> {
			assertThat(started).hasNotFailed();
			Mailboxes mailboxes = started.getBean(Mailboxes.class);
			assertThat(mailboxes.all()).singleElement().satisfies(mailbox -> {
				assertThat(mailbox.id()).isEqualTo("default");
				assertThat(mailbox.address()).isEqualTo("helpdesk@example.org");
				assertThat(mailbox.defaultQueue()).isNull();
				assertThat(mailbox.defaultLanguage()).isEqualTo("nl");
				assertThat(mailbox.folderLabel()).isEqualTo("helpdesk@example.org@mail.example.org/INBOX");
			});
			assertThat(started.getBean(MailSignIns.class).of("default").imapAuthenticator().getPasswordAuthentication()
				.getPassword()).isEqualTo("secret");
		});
	}

	@Test
	void aListEntryTakesWhatItLeavesOutFromTheMailSettingsAndSignsInOnItsOwn() {
		this.context.withPropertyValues("gateway.mailboxes[0].id=nl", "gateway.mailboxes[0].address=persocontact@example.org",
				"gateway.mailboxes[0].password=pw-nl", "gateway.mailboxes[0].default-queue=general",
				"gateway.mailboxes[1].id=fr", "gateway.mailboxes[1].address=persocontact-fr@example.org",
				"gateway.mailboxes[1].password=pw-fr", "gateway.mailboxes[1].default-language=FR",
				"gateway.mailboxes[1].smtp-host=smtp.example.org", "gateway.mailboxes[1].folder=Demandes")
			.run(started -> {
				assertThat(started).hasNotFailed();
				Mailboxes mailboxes = started.getBean(Mailboxes.class);
				assertThat(mailboxes.all()).extracting(Mailbox::id).containsExactly("nl", "fr");
				assertThat(mailboxes.primary().id()).isEqualTo("nl");
				Mailbox fr = mailboxes.find("fr").orElseThrow();
				assertThat(fr.defaultLanguage()).isEqualTo("fr");
				assertThat(fr.server().username()).isEqualTo("persocontact-fr@example.org");
				assertThat(fr.server().host()).isEqualTo("mail.example.org");
				assertThat(fr.server().smtpHost()).isEqualTo("smtp.example.org");
				assertThat(fr.server().folder()).isEqualTo("Demandes");
				assertThat(fr.server().processedFolder()).isEqualTo("Processed");
				assertThat(mailboxes.find("nl").orElseThrow().defaultLanguage()).isEqualTo("nl");
				assertThat(mailboxes.find("nl").orElseThrow().defaultQueue()).isEqualTo("general");
				MailSignIns signIns = started.getBean(MailSignIns.class);
				assertThat(signIns.of("fr").imapAuthenticator().getPasswordAuthentication().getUserName())
					.isEqualTo("persocontact-fr@example.org");
				assertThat(signIns.of("fr").imapAuthenticator().getPasswordAuthentication().getPassword()).isEqualTo("pw-fr");
				assertThat(signIns.of("nl").smtpAuthenticator().getPasswordAuthentication().getPassword()).isEqualTo("pw-nl");
			});
	}

	@Test
	void aListGivenAsEnvironmentVariablesAsTheReadmeShowsIsTheSameList() {
		java.util.Map<String, Object> variables = java.util.Map.of("GATEWAY_MAILBOXES_0_ID", "nl",
				"GATEWAY_MAILBOXES_0_ADDRESS", "persocontact@example.org", "GATEWAY_MAILBOXES_0_PASSWORD", "pw-nl",
				"GATEWAY_MAILBOXES_1_ID", "fr", "GATEWAY_MAILBOXES_1_ADDRESS", "persocontact-fr@example.org",
				"GATEWAY_MAILBOXES_1_PASSWORD", "pw-fr", "GATEWAY_MAILBOXES_1_DEFAULT_QUEUE", "general",
				"GATEWAY_MAILBOXES_1_DEFAULT_LANGUAGE", "fr", "GATEWAY_MAILBOXES_1_SMTP_HOST", "smtp.example.org");
		this.context
			.withInitializer(context -> context.getEnvironment().getPropertySources()
				.addFirst(new org.springframework.core.env.SystemEnvironmentPropertySource(
						"test-" + org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						variables)))
			.run(started -> {
				assertThat(started).hasNotFailed();
				Mailbox fr = started.getBean(Mailboxes.class).find("fr").orElseThrow();
				assertThat(fr.defaultQueue()).isEqualTo("general");
				assertThat(fr.defaultLanguage()).isEqualTo("fr");
				assertThat(fr.server().smtpHost()).isEqualTo("smtp.example.org");
				assertThat(started.getBean(Mailboxes.class).primary().address()).isEqualTo("persocontact@example.org");
			});
	}

	@Test
	void aListAnOperatorGotWrongRefusesStartUpSayingWhatIsWrong() {
		String[] two = { "gateway.mailboxes[0].id=nl", "gateway.mailboxes[0].address=persocontact@example.org",
				"gateway.mailboxes[0].password=pw", "gateway.mailboxes[1].password=pw" };
		assertRefused("the id 'nl' is used twice", with(two, "gateway.mailboxes[1].id=nl",
				"gateway.mailboxes[1].address=other@example.org"));
		assertRefused("have the same address PersoContact@example.org", with(two, "gateway.mailboxes[1].id=fr",
				"gateway.mailboxes[1].address=PersoContact@example.org", "gateway.mailboxes[1].username=other"));
		assertRefused("default-language 'es' is not supported", with(two, "gateway.mailboxes[1].id=es",
				"gateway.mailboxes[1].address=es@example.org", "gateway.mailboxes[1].default-language=es"));
		assertRefused("would both read persocontact@example.org@mail.example.org/INBOX", with(two,
				"gateway.mailboxes[1].id=fr", "gateway.mailboxes[1].address=fr@example.org",
				"gateway.mailboxes[1].username=persocontact@example.org"));
		assertRefused("gateway.mailboxes[1]: id is missing", with(two, "gateway.mailboxes[1].address=fr@example.org"));
		assertRefused("id 'Frans' is not usable", with(two, "gateway.mailboxes[1].id=Frans",
				"gateway.mailboxes[1].address=fr@example.org"));
		assertRefused("gateway.mailboxes[1] (id 'fr'): password is missing", "gateway.mailboxes[0].id=nl",
				"gateway.mailboxes[0].address=persocontact@example.org", "gateway.mailboxes[0].password=pw",
				"gateway.mailboxes[1].id=fr", "gateway.mailboxes[1].address=fr@example.org");
		assertRefused("gateway.mailboxes[1] (id 'fr'): GATEWAY_MAIL_AUTH=oauth2 needs GATEWAY_MAIL_OAUTH2_PROVIDER",
				with(two, "gateway.mailboxes[1].id=fr", "gateway.mailboxes[1].address=fr@example.org",
						"gateway.mailboxes[1].auth=oauth2"));
	}

	private static String[] with(String[] base, String... more) {
		String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

	private void assertRefused(String message, String... properties) {
		this.context.withPropertyValues(properties).run(started -> {
			assertThat(started).hasFailed();
			assertThat(started.getStartupFailure()).rootCause().hasMessageContaining(message);
		});
	}

}
