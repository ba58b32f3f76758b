package be.persocontact.gateway.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketNumber;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification module's API for the mails no ticket event causes on its own: an officer's answer,
 * a reminder, a notice about a refused mail. Each joins the caller's transaction, like the mails that
 * follow ticket events, so that a rolled-back cause leaves no mail.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class NotificationManagement {

	/** At most one notice per sender and reason per period: a mail loop or a flood must not get a flood back. */
	static final Duration REJECTION_PERIOD = Duration.ofDays(1);

	private final TicketManagement tickets;

	private final TicketMails mails;

	private final MailTemplates templates;

	private final Outbox outbox;

	private final OutboundMails outboundMails;

	private final Clock clock;

	NotificationManagement(TicketManagement tickets, TicketMails mails, MailTemplates templates, Outbox outbox,
			OutboundMails outboundMails, Clock clock) {
		this.tickets = tickets;
		this.mails = mails;
		this.templates = templates;
		this.outbox = outbox;
		this.outboundMails = outboundMails;
		this.clock = clock;
	}

	/** Tells the requester an officer answered; the answer itself stays behind the link. */
	public void officerAnswered(TicketNumber number) {
		this.mails.enqueue(ticket(number), "officer-answer", Map.of());
	}

	/** Reminds the requester that the ticket waits for them (information asked, or a solution to accept). */
	public void remindRequester(TicketNumber number) {
		this.mails.enqueue(ticket(number), "reminder", Map.of());
	}

	/**
	 * Queues the notice, unless that sender already got one for the same reason within a day.
	 * @return whether a notice was queued
	 */
	public boolean sendRejection(RejectionNotice notice) {
		String template = notice.reason().template();
		if (this.outboundMails.countByRecipientAndKindAndCreatedAtAfter(notice.recipient(), template,
				this.clock.instant().minus(REJECTION_PERIOD)) > 0) {
			return false;
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("mailSubject", notice.mailSubject());
		model.put("files", notice.files());
		String shown = notice.mailSubject().isBlank() ? this.templates.subject("untitled", notice.language())
				: notice.mailSubject();
		this.outbox.enqueue(null, template, notice.language(), notice.recipient(),
				this.templates.subject(template, notice.language(), shown), null,
				this.templates.render(template, notice.language(), model));
		return true;
	}

	private Ticket ticket(TicketNumber number) {
		return this.tickets.find(number).orElseThrow(() -> new IllegalArgumentException("No ticket " + number));
	}

}
