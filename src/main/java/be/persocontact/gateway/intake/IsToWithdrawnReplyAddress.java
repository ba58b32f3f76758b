package be.persocontact.gateway.intake;

import be.persocontact.gateway.access.LinkManagement;
import be.persocontact.gateway.system.Mailboxes;
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

	private final Mailboxes mailboxes;

	IsToWithdrawnReplyAddress(LinkManagement links, TicketManagement tickets, Mailboxes mailboxes) {
		this.links = links;
		this.tickets = tickets;
		this.mailboxes = mailboxes;
	}

	@Override
	public Decision check(ParsedMail mail) {
		// reply addresses are built on the address of the ticket's mailbox: any of ours
		return this.mailboxes.addresses()
			.stream()
			.map(address -> this.links.withdrawnReplyAddress(mail.recipientAddresses(), address, mail.fromAddress()))
			.flatMap(java.util.Optional::stream)
			.findFirst()
			.<Decision>map(ticketId -> Decision.stop(Outcome.QUARANTINED, "REPLY_ADDRESS_WITHDRAWN: the reply address "
					+ "of " + this.tickets.find(ticketId).map(ticket -> ticket.number().value()).orElse("ticket " + ticketId)
					+ " was withdrawn by an operator after it was sent; nothing done, nobody answered"))
			.orElse(Decision.CONTINUE);
	}

}
