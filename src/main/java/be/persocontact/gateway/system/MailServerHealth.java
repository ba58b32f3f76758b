package be.persocontact.gateway.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.apache.camel.component.mail.MailAuthenticator;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code mailServer} health of readiness: whether the mailbox's IMAP server answers and lets the
 * gateway in, signed in exactly as the intake signs in (the password, or with OAuth2 the current access
 * token over XOAUTH2, through {@link MailSignIn}), and whether the folder the intake reads exists. An
 * answer is kept for {@code interval} and a connection may take {@code timeout}, so probes stay cheap and
 * bounded; only one check runs at a time.
 */
final class MailServerHealth implements HealthIndicator {

	private final MailServerSettings settings;

	private final MailSignIn signIn;

	private final Duration interval;

	private final Duration timeout;

	private final Clock clock;

	private volatile Checked last;

	MailServerHealth(MailServerSettings settings, MailSignIn signIn, Duration interval, Duration timeout,
			Clock clock) {
		this.settings = settings;
		this.signIn = signIn;
		this.interval = interval;
		this.timeout = timeout;
		this.clock = clock;
	}

	private record Checked(Health health, Instant at) {
	}

	@Override
	public Health health() {
		Checked checked = this.last;
		if (isFresh(checked)) {
			return checked.health();
		}
		synchronized (this) {
			checked = this.last;
			if (!isFresh(checked)) {
				checked = new Checked(check(), this.clock.instant());
				this.last = checked;
			}
			return checked.health();
		}
	}

	private boolean isFresh(Checked checked) {
		return checked != null && checked.at().plus(this.interval).isAfter(this.clock.instant());
	}

	private Health check() {
		String server = this.settings.imapProtocol() + "://" + this.settings.host() + ":" + this.settings.imapPort();
		MailAuthenticator authenticator = this.signIn.imapAuthenticator();
		Session session = Session.getInstance(sessionProperties(), authenticator);
		try (Store store = session.getStore(this.settings.imapProtocol())) {
			PasswordAuthentication login = authenticator.getPasswordAuthentication();
			store.connect(this.settings.host(), this.settings.imapPort(), login.getUserName(), login.getPassword());
			Folder folder = store.getFolder(this.settings.folder());
			if (!folder.exists()) {
				return Health.down().withDetail("server", server).withDetail("error", "no folder " + this.settings.folder())
					.build();
			}
			return Health.up().withDetail("server", server).build();
		}
		catch (MessagingException | RuntimeException unreachable) {
			// the kind of failure only: a server's message may quote the login
			return Health.down().withDetail("server", server).withDetail("error", unreachable.getClass().getSimpleName())
				.build();
		}
	}

	private Properties sessionProperties() {
		Properties properties = new Properties();
		String millis = Long.toString(this.timeout.toMillis());
		for (String protocol : new String[] { "imap", "imaps" }) {
			properties.setProperty("mail." + protocol + ".connectiontimeout", millis);
			properties.setProperty("mail." + protocol + ".timeout", millis);
			properties.setProperty("mail." + protocol + ".writetimeout", millis);
		}
		properties.putAll(this.signIn.imapProperties());
		return properties;
	}

}
