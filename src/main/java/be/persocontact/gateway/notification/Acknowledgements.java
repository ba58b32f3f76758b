package be.persocontact.gateway.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketOpened;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Acknowledges every new ticket to its requester, in the requester's language, with a signed link to
 * the view. Runs inside the transaction that opened the ticket: no ticket, no mail; no mail, no ticket.
 */
@Component
class Acknowledgements {

	static final String KIND = "acknowledgement";

	/** A new ticket opened because the old one was closed says so first: the requester expected a reply. */
	static final String FOLLOW_UP_KIND = "follow-up-opened";

	private final TicketManagement tickets;

	private final MailTemplates templates;

	private final Outbox outbox;

	private final SignedLinks links;

	private final ObjectProvider<AcknowledgementDetails> details;

	private final FirstContacts firstContacts;

	Acknowledgements(TicketManagement tickets, MailTemplates templates, Outbox outbox, SignedLinks links,
			ObjectProvider<AcknowledgementDetails> details, FirstContacts firstContacts) {
		this.firstContacts = firstContacts;
		this.tickets = tickets;
		this.templates = templates;
		this.outbox = outbox;
		this.links = links;
		this.details = details;
	}

	@EventListener
	void on(TicketOpened event) {
		Ticket ticket = this.tickets.find(event.number()).orElseThrow();
		String recipient = ticket.requester().address();
		String language = ticket.requester().language();
		boolean firstContact = this.firstContacts.isFirstContact(recipient);
		if (firstContact && !this.firstContacts.allowsAnother("the acknowledgement of " + ticket.number())) {
			this.tickets.recordSystemNote(ticket.id(), "No acknowledgement was sent: the hourly cap on mails to "
					+ "addresses never written to before was reached");
			return;
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("number", ticket.number().value());
		model.put("title", EchoedText.withoutLinks(ticket.subject()));
		model.put("name", ticket.requester().displayName());
		model.put("status", ticket.status().name());
		model.put("link", this.links.ticketViewUrl(ticket.id(), recipient));
		model.put("followsUp", event.followsUp() == null ? null : event.followsUp().value());
		model.put("details", this.details.orderedStream().flatMap(channel -> channel.detailsOf(ticket).stream()).toList());
		String title = ticket.subject().isBlank() ? this.templates.subject("untitled", language)
				: EchoedText.withoutLinks(ticket.subject());
		String subject = "[" + ticket.number() + "] " + title;
		String kind = event.followsUp() == null ? KIND : FOLLOW_UP_KIND;
		OutboundMail mail = this.outbox.enqueue(ticket.id(), kind, language, recipient, subject,
				ticket.number().value(), this.templates.render(kind, language, model));
		if (firstContact) {
			mail.markFirstContact();
		}
	}

}
