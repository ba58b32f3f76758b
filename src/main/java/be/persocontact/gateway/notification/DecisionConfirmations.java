package be.persocontact.gateway.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import be.persocontact.gateway.access.LinkPurpose;
import be.persocontact.gateway.ticket.SolutionAnswerSetAside;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A "yes" or "no" that came without the proof a decision needs tells the requester, at their own
 * address on the ticket and at most once a day per ticket, how to decide: the signed pages, or an
 * answer to our mail. A forger learns nothing, and cannot make the gateway mail anyone else.
 */
@Component
class DecisionConfirmations {

	static final String KIND = "decision-needs-confirmation";

	private static final Duration ONCE_PER = Duration.ofDays(1);

	private final TicketManagement tickets;

	private final TicketMails mails;

	private final OutboundMails outboundMails;

	private final Clock clock;

	DecisionConfirmations(TicketManagement tickets, TicketMails mails, OutboundMails outboundMails, Clock clock) {
		this.tickets = tickets;
		this.mails = mails;
		this.outboundMails = outboundMails;
		this.clock = clock;
	}

	@EventListener
	void on(SolutionAnswerSetAside event) {
		Ticket ticket = this.tickets.find(event.number()).orElseThrow();
		if (this.outboundMails.countByTicketIdAndKindAndCreatedAtAfter(ticket.id(), KIND,
				this.clock.instant().minus(ONCE_PER)) > 0) {
			return;
		}
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("acceptLink", this.mails.link(LinkPurpose.ACCEPT_SOLUTION, ticket));
		extra.put("refuseLink", this.mails.link(LinkPurpose.REFUSE_SOLUTION, ticket));
		this.mails.enqueue(ticket, KIND, extra);
	}

}
