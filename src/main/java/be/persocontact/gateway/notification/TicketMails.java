package be.persocontact.gateway.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.ticket.Ticket;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Writes one templated mail about a ticket to its requester into the outbox. Every such mail carries
 * the same few facts (number, title, status) and links to that ticket only, never the request's
 * content nor a link to all the requester's cases: mails get forwarded, printed and read on shared
 * screens ({@link MyCasesLinks} sends the latter, on request only).
 */
@Component
class TicketMails {

	private final MailTemplates templates;

	private final Outbox outbox;

	private final SignedLinks links;

	private final DataSize maxAttachedSize;

	TicketMails(MailTemplates templates, Outbox outbox, SignedLinks links,
			@Value("${gateway.notification.max-attached-size:10MB}") DataSize maxAttachedSize) {
		this.maxAttachedSize = maxAttachedSize;
		this.templates = templates;
		this.outbox = outbox;
		this.links = links;
	}

	OutboundMail enqueue(Ticket ticket, String template, Map<String, Object> extra) {
		String recipient = ticket.requester().address();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", ticket.requester().displayName());
		model.put("link", this.links.url(LinkPurpose.VIEW_TICKET, ticket.id(), recipient));
		model.putAll(extra);
		return enqueue(ticket, template, recipient, ticket.requester().language(), model);
	}

	/**
	 * A mail about the ticket to any recipient (the requester, a queue, an officer): the ticket's number,
	 * title and status are added to the model, the subject carries the number.
	 */
	OutboundMail enqueue(Ticket ticket, String template, String recipient, String language,
			Map<String, Object> extra) {
		return enqueue(ticket, template, recipient, language, extra, mail -> {
		});
	}

	/** As above, with what the caller sets on the mail set before it is written. */
	OutboundMail enqueue(Ticket ticket, String template, String recipient, String language,
			Map<String, Object> extra, Consumer<OutboundMail> before) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("number", ticket.number().value());
		model.put("title", EchoedText.withoutLinks(ticket.subject()));
		model.put("status", ticket.status().name());
		model.putAll(extra);
		String title = ticket.subject().isBlank() ? this.templates.subject("untitled", language)
				: EchoedText.withoutLinks(ticket.subject());
		String subject = "[" + ticket.number() + "] " + this.templates.subject(template, language, title);
		return this.outbox.enqueue(ticket.id(), template, language, recipient, subject, ticket.number().value(),
				this.templates.render(template, language, model), before);
	}

	/** The files an officer's mail brought go out with this mail, up to the configured size. */
	OutboundMail withFilesOf(OutboundMail mail, Long inboundMessageId) {
		mail.attachFilesOf(inboundMessageId, this.maxAttachedSize.toBytes());
		return mail;
	}

	String link(LinkPurpose purpose, Ticket ticket) {
		return this.links.url(purpose, ticket.id(), ticket.requester().address());
	}

}
