package be.persocontact.gateway.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the gateway, in a few lines, where to send mail and where to look. */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	private final MailServerSettings mail;

	private final Environment environment;

	private final Mailboxes mailboxes;

	StartupBanner(MailServerSettings mail, Environment environment, Mailboxes mailboxes) {
		this.mail = mail;
		this.environment = environment;
		this.mailboxes = mailboxes;
	}

	private String portalCredential() {
		boolean jwt = !environment.getProperty("gateway.portal.jwt.issuer-uri", "").isBlank()
				|| !environment.getProperty("gateway.portal.jwt.jwk-set-uri", "").isBlank();
		if (jwt) {
			return "JWT of " + environment.getProperty("gateway.portal.jwt.issuer-uri", "the configured key set");
		}
		return environment.getProperty("gateway.portal.api-key", "").isBlank()
				? "the key in " + environment.getProperty("gateway.portal.api-key-file", "data/portal-api-key")
				: "GATEWAY_PORTAL_API_KEY";
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		boolean embeddedMail = environment.getProperty("gateway.embedded.mail.enabled", Boolean.class, false);
		String web = environment.getProperty("gateway.public-base-url", "http://localhost:8080");
		String db = environment.getProperty("spring.datasource.url", "");
		StringBuilder text = new StringBuilder("\n\n  PersoContact Gateway is ready.\n");
		text.append("  Database : ").append(db.replaceAll("\\?.*", ""))
			.append(environment.getProperty("gateway.embedded.db.enabled", Boolean.class, false) ? " (embedded, not encrypted: made-up data only)" : "")
			.append('\n');
		for (Mailbox mailbox : this.mailboxes.all()) {
			MailServerSettings server = mailbox.server();
			text.append("  Mailbox  : ").append(mailbox.address()).append(" polled on ").append(server.imapProtocol())
				.append("://").append(server.host()).append(':').append(server.imapPort())
				.append(this.mailboxes.several() ? " (" + mailbox.id() + ", " + mailbox.defaultLanguage() + ")" : "")
				.append('\n');
		}
		text.append("  Web      : ").append(web).append("/t/<token> (links arrive in the acknowledgement)\n");
		text.append("  Portal   : ").append(web).append("/portal/link (forms for employees), ").append(web)
			.append("/api/portal (bearer: ").append(portalCredential()).append(")\n");
		if (embeddedMail) {
			text.append("  Send a first mail:\n    curl smtp://").append(mail.host()).append(':').append(mail.smtpPort())
				.append(" --mail-from you@example.org --mail-rcpt ").append(this.mailboxes.primary().address())
				.append(" --upload-file mail.eml\n");
			text.append("  Read the acknowledgement (any password is accepted):\n    curl 'imap://").append(mail.host())
				.append(':').append(mail.imapPort()).append("/INBOX;UID=1' --user you@example.org:any\n");
		}
		log.info(text.toString());
	}

}
