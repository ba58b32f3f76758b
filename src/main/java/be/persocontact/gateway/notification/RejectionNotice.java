package be.persocontact.gateway.notification;

import java.util.List;
import java.util.Objects;

/**
 * A notice to the sender of a mail that was not turned into a ticket (or not completely).
 *
 * @param recipient the sender of the refused mail, as recorded by the intake
 * @param language one of nl, fr, de, en
 * @param reason why the mail was refused
 * @param mailSubject the subject of the refused mail, so that its sender recognises it
 * @param files for {@link RejectionReason#REFUSED_FILES}: the files and why each was refused
 */
public record RejectionNotice(String recipient, String language, RejectionReason reason, String mailSubject,
		List<RefusedFile> files) {

	public RejectionNotice {
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(reason, "reason");
		mailSubject = mailSubject == null ? "" : MailTemplates.oneLine(mailSubject);
		files = files == null ? List.of() : List.copyOf(files);
	}

	/**
	 * One refused attachment. {@code reason} names a bundle key {@code refused.<reason>}: TYPE_NOT_ALLOWED,
	 * TOO_LARGE, ENCRYPTED or DAMAGED.
	 */
	public record RefusedFile(String name, String reason) {
	}

}
