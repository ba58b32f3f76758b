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

	private final FirstContacts firstContacts;

	NotificationManagement(TicketManagement tickets, TicketMails mails, MailTemplates templates, Outbox outbox,
			OutboundMails outboundMails, Clock clock, FirstContacts firstContacts) {
		this.firstContacts = firstContacts;
		this.tickets = tickets;
		this.mails = mails;
		this.templates = templates;
		this.outbox = outbox;
		this.outboundMails = outboundMails;
		this.clock = clock;
	}

	/**
	 * Sends the requester an officer's answer, with the link to the request and the files that came
	 * with the officer's mail ({@code inboundMessageId}; null when the answer did not come by mail).
	 */
	public void officerAnswered(TicketNumber number, String answer, Long inboundMessageId) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("message", answer == null || answer.isBlank() ? null : answer);
		this.mails.withFilesOf(this.mails.enqueue(ticket(number), "officer-answer", model), inboundMessageId);
	}

	/**
	 * A mail to officers about a ticket: to a queue's address or to one officer, in their language,
	 * with a Reply-To that carries the queue's token, so that their reply comes back as an officer's.
	 * The ticket's facts (number, subject, status, requester) are added here; {@code extra} holds the
	 * template's own values.
	 */
	public void mailOfficers(TicketNumber number, String template, String recipient, String language, String replyTo,
			Map<String, Object> extra) {
		mailOfficers(number, template, recipient, language, replyTo, extra, null);
	}

	/**
	 * As {@link #mailOfficers(TicketNumber, String, String, String, String, Map)}, with the ticket's
	 * accepted files attached up to {@code attachFilesUpTo} bytes together (null: none).
	 */
	public void mailOfficers(TicketNumber number, String template, String recipient, String language, String replyTo,
			Map<String, Object> extra, Long attachFilesUpTo) {
		Ticket ticket = ticket(number);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("requesterName", ticket.requester().displayName());
		model.put("requesterAddress", ticket.requester().address());
		model.put("name", null);
		model.put("link", null);
		model.putAll(extra);
		this.mails.enqueue(ticket, template, recipient, language, model, mail -> {
			mail.replyTo(replyTo);
			mail.attachFilesUpTo(attachFilesUpTo);
		});
	}

	/** A mail to officers about no single ticket (a queue's digest); replies go to the helpdesk. */
	public void mailOfficers(String template, String recipient, String language, String subjectArgument,
			Map<String, Object> extra) {
		Map<String, Object> model = new LinkedHashMap<>(extra);
		model.putIfAbsent("name", null);
		model.putIfAbsent("number", null);
		model.putIfAbsent("link", null);
		this.outbox.enqueue(null, template, language, recipient,
				this.templates.subject(template, language, subjectArgument), null,
				this.templates.render(template, language, model));
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
		boolean firstContact = this.firstContacts.isFirstContact(notice.recipient());
		if (firstContact && !this.firstContacts.allowsAnother("a " + template + " notice")) {
			return false;
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("mailSubject", EchoedText.withoutLinks(notice.mailSubject()));
		model.put("files", notice.files());
		String shown = notice.mailSubject().isBlank() ? this.templates.subject("untitled", notice.language())
				: EchoedText.withoutLinks(notice.mailSubject());
		OutboundMail mail = this.outbox.enqueue(null, template, notice.language(), notice.recipient(),
				this.templates.subject(template, notice.language(), shown), null,
				this.templates.render(template, notice.language(), model));
		if (firstContact) {
			mail.markFirstContact();
		}
		return true;
	}

	private Ticket ticket(TicketNumber number) {
		return this.tickets.find(number).orElseThrow(() -> new IllegalArgumentException("No ticket " + number));
	}

}
