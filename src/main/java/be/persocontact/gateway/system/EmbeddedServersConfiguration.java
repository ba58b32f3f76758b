package be.persocontact.gateway.system;

import java.io.File;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;

/**
 * The embedded servers of the zero-configuration run. Each is created only when
 * {@link EmbeddedDefaults} found no real server configured.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedServersConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "gateway.embedded.db.enabled", havingValue = "true")
	static class Database {

		@Bean(destroyMethod = "release")
		EmbeddedMariaDb embeddedMariaDb(Environment environment) {
			File dataDir = new File(environment.getProperty("gateway.embedded.db.data-dir", "data/mariadb"));
			File baseDir = new File(environment.getProperty("gateway.embedded.db.base-dir", "data/mariadb-server"));
			int port = environment.getRequiredProperty("gateway.embedded.db.port", Integer.class);
			return EmbeddedMariaDb.acquire(baseDir, dataDir, port);
		}

		/** The datasource (and so Flyway and JPA) must wait for the server. */
		@Bean
		static AbstractDependsOnBeanFactoryPostProcessor dataSourceDependsOnEmbeddedMariaDb() {
			return new AbstractDependsOnBeanFactoryPostProcessor(DataSource.class, "embeddedMariaDb") {
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "gateway.embedded.mail.enabled", havingValue = "true")
	static class Mail {

		/**
		 * GreenMail with authentication disabled: any login is accepted and creates its mailbox, so a
		 * newcomer can read the acknowledgement of any address they send from.
		 */
		@Bean(destroyMethod = "stop")
		GreenMail embeddedMailServer(MailServerSettings settings, Mailboxes mailboxes) {
			ServerSetup smtp = new ServerSetup(settings.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
			ServerSetup imap = new ServerSetup(settings.imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
			GreenMailConfiguration configuration = GreenMailConfiguration.aConfig()
				.withDisabledAuthentication()
				// deliver helpdesk+<token>@… to helpdesk@…, as production servers do with sub-addressing
				.withSieveIgnoreDetail()
				.withUser(settings.address(), settings.username(), settings.password());
			for (Mailbox mailbox : mailboxes.all()) {
				if (!mailbox.isAddress(settings.address())) {
					configuration = configuration.withUser(mailbox.address(), mailbox.server().username(),
							mailbox.server().password());
				}
			}
			return started(new GreenMail(new ServerSetup[] { smtp, imap }).withConfiguration(configuration));
		}

		/**
		 * Starts the servers, or stops the ones that did start before failing: GreenMail leaves them running
		 * when another cannot start (its port taken), and their threads then kept a gateway that failed to
		 * start alive, unanswering, instead of letting it exit for its supervisor to start again.
		 */
		static GreenMail started(GreenMail greenMail) {
			try {
				greenMail.start();
				return greenMail;
			}
			catch (RuntimeException failed) {
				try {
					greenMail.stop();
				}
				catch (RuntimeException alsoFailed) {
					failed.addSuppressed(alsoFailed);
				}
				throw failed;
			}
		}

	}

}
