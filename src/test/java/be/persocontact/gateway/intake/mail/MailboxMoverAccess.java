package be.persocontact.gateway.intake.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/** Lets the Dovecot test drive the package-private mover directly. */
public final class MailboxMoverAccess {

	private MailboxMoverAccess() {
	}

	public static void move(Message message, String folder) throws MessagingException {
		MailboxMover.move(message, folder);
	}

}
