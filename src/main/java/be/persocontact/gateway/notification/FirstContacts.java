package be.persocontact.gateway.notification;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The cap on mails to addresses the gateway never wrote to before. Every acknowledgement and notice
 * answers a From line anyone can forge; per-sender limits do nothing against a thousand forged senders.
 * Beyond the cap such a mail is not written (the ticket itself is kept, and says so), counted in
 * {@code gateway.notification.first-contacts.suppressed}.
 */
@Component
class FirstContacts {

	private static final Logger log = LoggerFactory.getLogger(FirstContacts.class);

	private static final Duration WINDOW = Duration.ofHours(1);

	private final OutboundMails mails;

	private final NotificationSettings settings;

	private final Clock clock;

	private final Counter suppressed;

	FirstContacts(OutboundMails mails, NotificationSettings settings, Clock clock, MeterRegistry registry) {
		this.mails = mails;
		this.settings = settings;
		this.clock = clock;
		this.suppressed = Counter.builder("gateway.notification.first-contacts.suppressed")
			.description("Acknowledgements and notices not sent: the hourly cap on mails to new addresses was reached")
			.register(registry);
	}

	/** Is this recipient new to us? */
	boolean isFirstContact(String recipient) {
		return !this.mails.existsByRecipient(recipient);
	}

	/**
	 * May a mail go to this new recipient now? False once the hour's cap is reached; the refusal is
	 * counted and logged.
	 */
	boolean allowsAnother(String what) {
		long sent = this.mails.countByFirstContactTrueAndCreatedAtAfter(this.clock.instant().minus(WINDOW));
		if (sent < this.settings.firstContactsPerHour()) {
			return true;
		}
		this.suppressed.increment();
		log.warn("Not sending {}: {} mails to new addresses in the past hour reach the cap of {} "
				+ "(GATEWAY_NOTIFICATION_FIRST_CONTACTS_PER_HOUR)", what, sent, this.settings.firstContactsPerHour());
		return false;
	}

}
