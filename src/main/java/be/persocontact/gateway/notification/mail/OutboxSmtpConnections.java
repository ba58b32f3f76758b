package be.persocontact.gateway.notification.mail;

import java.util.ArrayList;
import java.util.List;

import be.persocontact.gateway.system.Mailbox;
import be.persocontact.gateway.system.Mailboxes;
import org.apache.camel.CamelContext;

import org.springframework.stereotype.Component;

/**
 * One {@link OutboxSmtpConnection} per mailbox, in Camel's registry as {@code #outboxSmtpConnection-<id>}
 * (named by the mailbox's SMTP endpoint, {@code system.SmtpEndpoints}): a connection signed in as one
 * mailbox never carries another mailbox's mail. The outbox route ends each run on all of them.
 */
@Component("outboxSmtpConnections")
public class OutboxSmtpConnections {

	private final List<OutboxSmtpConnection> connections = new ArrayList<>();

	OutboxSmtpConnections(Mailboxes mailboxes, CamelContext camel) {
		for (Mailbox mailbox : mailboxes.all()) {
			OutboxSmtpConnection connection = new OutboxSmtpConnection();
			this.connections.add(connection);
			camel.getRegistry().bind("outboxSmtpConnection-" + mailbox.id(), connection);
		}
	}

	/** Called after each outbox run: no connection is kept between runs. */
	public void endRun() {
		this.connections.forEach(OutboxSmtpConnection::endRun);
	}

	@jakarta.annotation.PreDestroy
	void shutDown() {
		endRun();
	}

}
