package be.persocontact.gateway.notification;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import be.persocontact.gateway.access.AccessSettings;
import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.ticket.MyCasesLinkRequested;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails a "my cases" link to a requester who asked for one from a ticket's page. No other mail carries
 * such a link: a status mail forwarded to a colleague opens that ticket, not every case. A second
 * request within {@code gateway.access.my-cases-request-interval} is not answered again.
 */
@Component
class MyCasesLinks {

	static final String KIND = "my-cases-link";

	private static final Logger log = LoggerFactory.getLogger(MyCasesLinks.class);

	private final TicketManagement tickets;

	private final SignedLinks links;

	private final AccessSettings access;

	private final MailTemplates templates;

	private final Outbox outbox;

	private final OutboundMails mails;

	private final Clock clock;

	MyCasesLinks(TicketManagement tickets, SignedLinks links, AccessSettings access, MailTemplates templates,
			Outbox outbox, OutboundMails mails, Clock clock) {
		this.tickets = tickets;
		this.links = links;
		this.access = access;
		this.templates = templates;
		this.outbox = outbox;
		this.mails = mails;
		this.clock = clock;
	}

	@EventListener
	void on(MyCasesLinkRequested event) {
		String recipient = event.requesterAddress();
		if (this.mails.countByRecipientAndKindAndCreatedAtAfter(recipient, KIND,
				this.clock.instant().minus(this.access.myCasesRequestInterval())) > 0) {
			log.info("A my-cases link for the requester of {} went out moments ago; not sent again", event.number());
			return;
		}
		Ticket ticket = this.tickets.find(event.number()).orElseThrow();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", ticket.requester().displayName());
		model.put("number", event.number().value());
		model.put("casesLink", this.links.url(LinkPurpose.MY_CASES, ticket.id(), recipient));
		model.put("hours", Math.max(1, this.access.myCasesLifetime().toHours()));
		this.outbox.enqueue(null, KIND, event.language(), recipient, this.templates.subject(KIND, event.language()),
				null, this.templates.render(KIND, event.language(), model));
	}

}
