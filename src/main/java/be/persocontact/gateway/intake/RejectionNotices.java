package be.persocontact.gateway.intake;

import java.util.List;

import be.persocontact.gateway.notification.NotificationManagement;
import be.persocontact.gateway.notification.RejectionNotice;
import be.persocontact.gateway.notification.RejectionReason;

import org.springframework.stereotype.Component;

/**
 * Tells a sender politely why their mail did not become a ticket, through the outbox of the same
 * transaction. The notification module sends at most one notice per sender and reason a day, so a
 * flood or a loop never gets a flood back. Machines are never told anything: the chain stops them first.
 */
@Component
class RejectionNotices {

	private final NotificationManagement notifications;

	RejectionNotices(NotificationManagement notifications) {
		this.notifications = notifications;
	}

	boolean notifyOnce(String address, String language, Outcome outcome, String subject) {
		RejectionReason reason = switch (outcome) {
			case REJECTED_TOO_LARGE -> RejectionReason.TOO_LARGE;
			case REJECTED_RATE_LIMITED -> RejectionReason.RATE_LIMITED;
			default -> throw new IllegalArgumentException("No notice for " + outcome);
		};
		return this.notifications.sendRejection(new RejectionNotice(address, language, reason, subject, List.of()));
	}

}
