package be.persocontact.gateway.notification;

import java.util.Collection;
import java.util.Map;

/**
 * Addresses our mail does not go to any more, because mail systems reported our own mails to them as
 * undeliverable for good. The intake module keeps that list (it reads the bounces); the outbox asks it
 * about each batch of mails it is about to send.
 */
public interface UndeliverableAddresses {

	/**
	 * Why mail to these addresses is held back: the addresses it is held back for (each as it was given),
	 * with why; an address mail may be sent to is not in the answer. One question for a whole batch.
	 */
	Map<String, String> whyUndeliverable(Collection<String> addresses);

}
