package be.persocontact.gateway.intake.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.UIDSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a mail out of the inbox once intake is done with it: with IMAP MOVE (RFC 6851) where the
 * server has it, so that the mail is never in two folders at once; else COPY, flag deleted and
 * expunge just that message (UIDPLUS) or the folder.
 */
final class MailboxMover {

	private static final Logger log = LoggerFactory.getLogger(MailboxMover.class);

	private MailboxMover() {
	}

	/**
	 * Moves the mails with these UIDs with one {@code UID MOVE}. UIDs, unlike message numbers, still
	 * name the same mails after other mails left the folder. Returns false, moving nothing, when the
	 * server has no MOVE: then each mail is moved on its own with {@link #move(Message, String)}.
	 */
	static boolean moveByUid(IMAPFolder source, long[] uids, String folderName) throws MessagingException {
		if (!source.isOpen()) {
			source.open(Folder.READ_WRITE);
		}
		if (!(source.getStore() instanceof IMAPStore store) || !store.hasCapability("MOVE")) {
			return false;
		}
		Folder target = targetFolder(source, folderName);
		String uidSet = UIDSet.toString(UIDSet.createUIDSets(uids));
		source.doCommand(protocol -> {
			Argument arguments = new Argument();
			arguments.writeAtom(uidSet);
			arguments.writeString(BASE64MailboxEncoder.encode(target.getFullName()));
			Response[] responses = protocol.command("UID MOVE", arguments);
			// the untagged EXPUNGEs keep the folder's view of its messages right
			protocol.notifyResponseHandlers(responses);
			protocol.handleResult(responses[responses.length - 1]);
			return null;
		});
		return true;
	}

	private static Folder targetFolder(Folder source, String folderName) throws MessagingException {
		Folder target = source.getStore().getFolder(folderName);
		if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
			throw new MessagingException("Cannot create folder " + folderName);
		}
		return target;
	}

	static void move(Message message, String folderName) throws MessagingException {
		Folder source = message.getFolder();
		if (!source.isOpen()) {
			source.open(Folder.READ_WRITE);
		}
		Folder target = targetFolder(source, folderName);
		IMAPStore store = source.getStore() instanceof IMAPStore imap ? imap : null;
		if (source instanceof IMAPFolder imapFolder && store != null && store.hasCapability("MOVE")) {
			imapFolder.moveMessages(new Message[] { message }, target);
			return;
		}
		source.copyMessages(new Message[] { message }, target);
		message.setFlag(Flags.Flag.DELETED, true);
		if (source instanceof IMAPFolder imapFolder && store != null && store.hasCapability("UIDPLUS")) {
			imapFolder.expunge(new Message[] { message });
		}
		else {
			log.debug("No MOVE or UIDPLUS on the server: the copy in {} is expunged from the inbox with the folder",
					folderName);
		}
	}

}
