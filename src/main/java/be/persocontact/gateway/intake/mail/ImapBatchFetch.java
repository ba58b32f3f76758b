package be.persocontact.gateway.intake.mail;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;

import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.component.mail.MailUidGenerator;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the UID, flags and size of a poll's whole batch with one FETCH, where the consumer and the
 * receiver would otherwise ask for each of them, mail by mail (four round trips per mail). The mail
 * consumer asks this generator for each mail's key before anything else, so the first question of a
 * batch fetches it. The key is the IMAP UID, not the Message-ID header, which would be one more
 * round trip per mail and is not unique anyway.
 * <p>
 * No ENVELOPE and no body: one mail whose envelope the server cannot build must not fail the FETCH of
 * the whole batch, and bodies are read one at a time, under the size limit. If the FETCH fails all the
 * same, each mail is asked about on its own, as before.
 */
@Component("imapBatchFetch")
class ImapBatchFetch implements MailUidGenerator {

	private static final Logger log = LoggerFactory.getLogger(ImapBatchFetch.class);

	private final int batchSize;

	/** Mails whose attributes are cached in their IMAPMessage; weak, since an expunge replaces them. */
	private final Set<Message> fetched = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	ImapBatchFetch(@Value("${gateway.mail.max-messages-per-poll:50}") int batchSize) {
		this.batchSize = Math.max(1, batchSize);
	}

	@Override
	public String generateUuid(MailEndpoint endpoint, Message message) {
		if (!(message.getFolder() instanceof IMAPFolder folder)) {
			return String.valueOf(message.getMessageNumber());
		}
		if (!this.fetched.contains(message)) {
			fetchBatchFrom(folder, message.getMessageNumber());
		}
		try {
			return folder.getUIDValidity() + ":" + folder.getUID(message);
		}
		catch (MessagingException | RuntimeException ex) {
			// the receiver records it by what it can read, or leaves it for the next poll
			return "msgnum:" + message.getMessageNumber();
		}
	}

	private void fetchBatchFrom(IMAPFolder folder, int first) {
		try {
			int last = Math.min(first + this.batchSize - 1, folder.getMessageCount());
			if (last < first) {
				return;
			}
			Message[] batch = folder.getMessages(first, last);
			FetchProfile profile = new FetchProfile();
			profile.add(UIDFolder.FetchProfileItem.UID);
			profile.add(FetchProfile.Item.FLAGS);
			profile.add(FetchProfile.Item.SIZE);
			folder.fetch(batch, profile);
			Collections.addAll(this.fetched, batch);
		}
		catch (MessagingException | RuntimeException ex) {
			log.debug("Batch FETCH from message {} failed; each mail is read on its own: {}", first, ex.toString());
		}
	}

}
