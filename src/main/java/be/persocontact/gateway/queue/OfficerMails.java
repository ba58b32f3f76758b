package be.persocontact.gateway.queue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.access.ReplyAddresses;
import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.attachment.AttachmentManagement;
import be.persocontact.gateway.attachment.AttachmentReceipt;
import be.persocontact.gateway.notification.NotificationManagement;
import be.persocontact.gateway.system.Mailboxes;
import be.persocontact.gateway.ticket.Ticket;

import org.springframework.stereotype.Component;

/**
 * Writes the mails to officers: to a queue's addresses, or to the officer working on the ticket. Each
 * carries a Reply-To bound to (ticket, queue), a signed link to the officer's view of the ticket, and
 * the reply commands.
 */
@Component
class OfficerMails {

	/** Long enough for an officer to read the request in the mail, short enough for a mail. */
	static final int MAX_MESSAGE_CHARS = 8000;

	private final NotificationManagement notifications;

	private final QueueDirectory directory;

	private final ReplyAddresses replyAddresses;

	private final SignedLinks links;

	private final AttachmentManagement attachments;

	private final QueueSettings settings;

	private final Mailboxes mailboxes;

	private final Clock clock;

	OfficerMails(NotificationManagement notifications, QueueDirectory directory, ReplyAddresses replyAddresses,
			SignedLinks links, AttachmentManagement attachments, QueueSettings settings, Mailboxes mailboxes,
			Clock clock) {
		this.notifications = notifications;
		this.directory = directory;
		this.replyAddresses = replyAddresses;
		this.links = links;
		this.attachments = attachments;
		this.settings = settings;
		this.mailboxes = mailboxes;
		this.clock = clock;
	}

	/** Announces the ticket to every address of its queue, in the queue's language. */
	void announce(Ticket ticket, Queue queue, Queue previous, String rule, String message) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("queueName", queue.name(queue.language()));
		model.put("previousQueue", previous == null ? null : previous.name(queue.language()));
		model.put("rule", rule);
		model.put("message", clip(message));
		model.put("files", files(ticket, queue.language()));
		model.put("filesAttached", queue.attachFiles());
		Long attach = queue.attachFiles() ? this.settings.attachmentsMaxSize().toBytes() : null;
		for (String address : queue.addresses()) {
			send(ticket, queue, "queue-new-ticket", address, queue.language(), model, attach);
		}
	}

	/**
	 * Tells the officers of the ticket's queue something: the officer working on it, in their language,
	 * or, while nobody works on it, the queue's addresses.
	 */
	void tellOfficers(Ticket ticket, String template, Map<String, Object> extra) {
		Queue queue = this.directory.find(ticket.queue()).orElse(null);
		if (queue == null) {
			return; // not routed yet (or its queue was removed from the configuration): nobody to tell
		}
		Officer assignee = ticket.assignee() == null ? null : queue.officer(ticket.assignee());
		if (assignee == null && ticket.assignee() != null) {
			assignee = this.directory.officer(ticket.assignee()).orElse(null);
		}
		if (assignee != null) {
			Map<String, Object> model = new LinkedHashMap<>(extra);
			model.put("name", assignee.name());
			send(ticket, queue, template, assignee.address(), assignee.language(), model);
			return;
		}
		for (String address : queue.addresses()) {
			send(ticket, queue, template, address, queue.language(), extra);
		}
	}

	/** Tells one officer why their reply was not carried out. */
	void refuse(Ticket ticket, Queue queue, Officer officer, List<String> problems) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", officer.name());
		model.put("problems", problems);
		send(ticket, queue, "officer-command-refused", officer.address(), officer.language(), model);
	}

	private void send(Ticket ticket, Queue queue, String template, String recipient, String language,
			Map<String, Object> extra) {
		send(ticket, queue, template, recipient, language, extra, null);
	}

	private void send(Ticket ticket, Queue queue, String template, String recipient, String language,
			Map<String, Object> extra, Long attachFilesUpTo) {
		Map<String, Object> model = new LinkedHashMap<>(extra);
		model.put("officerLink", officerLink(ticket, queue));
		model.put("queueCodes", String.join(", ", this.directory.codes()));
		this.notifications.mailOfficers(ticket.number(), template, recipient, language,
				replyAddress(ticket, queue), model, attachFilesUpTo);
	}

	/** The Reply-To of a mail about the ticket to the queue's officers, on the address of the ticket's mailbox. */
	String replyAddress(Ticket ticket, Queue queue) {
		LocalDate validUntil = LocalDate.ofInstant(this.clock.instant().plus(this.settings.replyTokenLifetime()),
				ZoneId.of(this.settings.timeZone()));
		return this.replyAddresses.queueReplyAddress(this.mailboxes.orPrimary(ticket.mailbox()).address(), ticket.id(),
				queue.code(), validUntil);
	}

	/** The officers' view of the ticket; it works while the ticket is in that queue. */
	String officerLink(Ticket ticket, Queue queue) {
		return this.links.url(LinkPurpose.OFFICER_VIEW, ticket.id(), Ticket.queueAudience(queue.code()));
	}

	private List<Map<String, String>> files(Ticket ticket, String language) {
		List<Map<String, String>> files = new ArrayList<>();
		Locale locale = Locale.forLanguageTag(language);
		for (AttachmentReceipt receipt : this.attachments.receiptsOf(ticket.id())) {
			files.add(Map.of("name", receipt.name(), "description", this.attachments.describe(receipt, locale)));
		}
		return files;
	}

	static String clip(String text) {
		if (text == null) {
			return "";
		}
		return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + " […]";
	}

}
