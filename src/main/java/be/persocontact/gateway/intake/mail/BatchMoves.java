package be.persocontact.gateway.intake.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mails of one poll whose intake has committed, waiting to leave the inbox together: one
 * {@code UID MOVE} per target folder when the batch is done, instead of one round trip or more per
 * mail. A mail that is not moved (the connection dropped, the server refused) stays in the inbox and
 * is absorbed as a duplicate on the next poll, exactly as a single failed move would be.
 * <p>
 * Used by the one thread of the mail consumer; synchronized all the same.
 */
final class BatchMoves {

	private static final Logger log = LoggerFactory.getLogger(BatchMoves.class);

	private record Committed(Message message, long uidValidity, long uid) {
	}

	private final Map<String, List<Committed>> byFolder = new LinkedHashMap<>();

	synchronized void add(Message message, Long uidValidity, Long uid, String folder) {
		if (uidValidity == null || uid == null) {
			moveAlone(message, folder);
			return;
		}
		this.byFolder.computeIfAbsent(folder, name -> new ArrayList<>()).add(new Committed(message, uidValidity, uid));
	}

	/** Moves every mail added since the last flush. */
	synchronized void flush() {
		for (Map.Entry<String, List<Committed>> pending : this.byFolder.entrySet()) {
			move(pending.getValue(), pending.getKey());
		}
		this.byFolder.clear();
	}

	private static void move(List<Committed> mails, String folderName) {
		Folder source = mails.get(0).message().getFolder();
		if (!(source instanceof IMAPFolder imap)) {
			mails.forEach(mail -> moveAlone(mail.message(), folderName));
			return;
		}
		List<Committed> here;
		try {
			long uidValidity = imap.getUIDValidity();
			// a UID names a mail only under its UIDVALIDITY; the others wait for the next poll
			here = mails.stream().filter(mail -> mail.message().getFolder() == imap)
				.filter(mail -> mail.uidValidity() == uidValidity)
				.toList();
			if (here.isEmpty()) {
				return;
			}
			long[] uids = here.stream().mapToLong(Committed::uid).toArray();
			if (MailboxMover.moveByUid(imap, uids, folderName)) {
				return;
			}
		}
		catch (MessagingException | RuntimeException failed) {
			log.warn("Could not move {} processed mails to {} at once; they will be absorbed as duplicates: {}",
					mails.size(), folderName, failed.toString());
			return;
		}
		// no MOVE on this server: one at a time, as before
		here.forEach(mail -> moveAlone(mail.message(), folderName));
	}

	private static void moveAlone(Message message, String folderName) {
		try {
			MailboxMover.move(message, folderName);
		}
		catch (MessagingException | RuntimeException ex) {
			// recorded already: the next poll sees it again and absorbs it as a duplicate
			log.warn("Could not move a processed mail to {}; it will be absorbed as a duplicate: {}", folderName,
					ex.toString());
		}
	}

}
