package be.persocontact.gateway.system;

import org.apache.camel.CamelContext;

import org.springframework.stereotype.Component;

/**
 * The SMTP endpoint each mailbox sends through, as a URI the outbox route sends to: the mailbox's SMTP
 * server, login and sign-in (its password, or its current OAuth2 token). The sign-in objects are put in
 * Camel's registry under the mailbox's id ({@code #smtpSignIn-<id>}, {@code #smtpSessionProperties-<id>}),
 * so the URI names them and holds no secret. Each mailbox sends over its own connection of the run
 * ({@code #outboxSmtpConnection-<id>}, bound by the notification module).
 */
@Component
public class SmtpEndpoints {

	private final Mailboxes mailboxes;

	private final MailSignIns signIns;

	private final CamelContext camel;

	SmtpEndpoints(Mailboxes mailboxes, MailSignIns signIns, CamelContext camel) {
		this.mailboxes = mailboxes;
		this.signIns = signIns;
		this.camel = camel;
		for (Mailbox mailbox : mailboxes.all()) {
			MailSignIn signIn = signIns.of(mailbox.id());
			camel.getRegistry().bind("smtpSignIn-" + mailbox.id(), signIn.smtpAuthenticator());
			camel.getRegistry().bind("smtpSessionProperties-" + mailbox.id(), signIn.smtpProperties());
		}
	}

	/** The endpoint mail from this mailbox goes out through. */
	public String uriOf(Mailbox mailbox) {
		MailServerSettings server = mailbox.server();
		String login = server.smtpUsername() == null ? "" : server.smtpUsername();
		return server.smtpProtocol() + "://" + server.smtpHost() + ":" + server.smtpPort() + "?username=RAW(" + login
				+ ")&authenticator=#smtpSignIn-" + mailbox.id() + "&additionalJavaMailProperties=#smtpSessionProperties-"
				+ mailbox.id() + "&headerFilterStrategy=#dropAllMailHeaders&javaMailSender=#outboxSmtpConnection-"
				+ mailbox.id();
	}

}
