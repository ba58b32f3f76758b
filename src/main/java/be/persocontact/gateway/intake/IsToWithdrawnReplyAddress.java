package be.persocontact.gateway.intake;

import be.persocontact.gateway.access.LinkManagement;
import be.persocontact.gateway.ticket.TicketManagement;

import org.springframework.stereotype.Component;

/**
 * Was the mail sent to a requester's reply address that an operator has withdrawn since (the ticket's
 * or the address's links, for a mail that reached the wrong person)? Then it neither threads nor acts
 * nor opens a ticket: it is held for review with the reason, and nobody is answered, since the sender
 * may be whoever the mail reached.
 */
@Component
class IsToWithdrawnReplyAddress implements IntakeCheck {

	private final LinkManagement links;

	private final TicketManagement tickets;

	private final IntakeSettings settings;

	IsToWithdrawnReplyAddress(LinkManagement links, TicketManagement tickets, IntakeSettings settings) {
		this.links = links;
		this.tickets = tickets;
		this.settings = settings;
	}

	@Override
	public Decision check(ParsedMail mail) {
		return this.links
			.withdrawnReplyAddress(mail.recipientAddresses(), this.settings.helpdeskAddress(), mail.fromAddress())
			.<Decision>map(ticketId -> Decision.stop(Outcome.QUARANTINED, "REPLY_ADDRESS_WITHDRAWN: the reply address "
					+ "of " + this.tickets.find(ticketId).map(ticket -> ticket.number().value()).orElse("ticket " + ticketId)
					+ " was withdrawn by an operator after it was sent; nothing done, nobody answered"))
			.orElse(Decision.CONTINUE);
	}

}
