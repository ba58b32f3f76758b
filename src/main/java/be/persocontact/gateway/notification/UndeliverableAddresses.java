package be.persocontact.gateway.notification;

import java.util.Optional;

/**
 * Addresses our mail does not go to any more, because mail systems reported our own mails to them as
 * undeliverable for good. The intake module keeps that list (it reads the bounces); the outbox asks it
 * before each send.
 */
public interface UndeliverableAddresses {

	/** Why mail to this address is held back, or empty when it may be sent. */
	Optional<String> whyUndeliverable(String address);

}
