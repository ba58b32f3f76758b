package be.persocontact.gateway.intake;

import java.util.Optional;

import be.persocontact.gateway.access.LinkManagement;
import be.persocontact.gateway.access.LinkUse;
import be.persocontact.gateway.notification.Outbox;
import be.persocontact.gateway.system.Mailboxes;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketNumber;

import org.springframework.stereotype.Component;

/**
 * Finds the ticket a mail belongs to, in this order: a signed reply address, then In-Reply-To/References
 * pointing at one of our Message-IDs, then {@code [HRB0000042]} in the subject. Whatever names the
 * ticket, the sender must take part in it: knowing a ticket number, or holding a forwarded mail, never
 * puts anyone into a stranger's HR case.
 */
@Component
class ThreadResolver {

	/** How a mail was matched to its ticket; recorded on the inbound message. */
	enum Rule {

		REPLY_TOKEN, IN_REPLY_TO, SUBJECT_REFERENCE

	}

	record Match(TicketNumber ticket, Rule rule) {
	}

	private final LinkManagement links;

	private final Outbox outbox;

	private final TicketManagement tickets;

	private final Mailboxes mailboxes;

	ThreadResolver(LinkManagement links, Outbox outbox, TicketManagement tickets, Mailboxes mailboxes) {
		this.links = links;
		this.outbox = outbox;
		this.tickets = tickets;
		this.mailboxes = mailboxes;
	}

	Optional<Match> resolve(ParsedMail mail) {
		String sender = mail.fromAddress();
		for (String recipient : mail.recipientAddresses()) {
			// reply addresses are built on the address of the ticket's mailbox: any of ours
			for (String helpdesk : this.mailboxes.addresses()) {
				// a withdrawn reply address never gets here: IsToWithdrawnReplyAddress held the mail
				Optional<Match> match = this.links.openReplyAddress(recipient, helpdesk, sender)
					.filter(LinkUse.Granted.class::isInstance)
					.map(use -> ((LinkUse.Granted) use).ticketId())
					.flatMap(this.tickets::find)
					.filter(ticket -> ticket.isParticipant(sender))
					.map(ticket -> new Match(ticket.number(), Rule.REPLY_TOKEN));
				if (match.isPresent()) {
					return match;
				}
			}
		}
		for (String messageId : mail.referencedMessageIds()) {
			Optional<Match> match = this.outbox.ticketOfMessageId(messageId)
				.flatMap(this.tickets::find)
				.filter(ticket -> ticket.isParticipant(sender))
				.map(ticket -> new Match(ticket.number(), Rule.IN_REPLY_TO));
			if (match.isPresent()) {
				return match;
			}
		}
		for (TicketNumber number : TicketNumber.findIn(mail.subject())) {
			if (this.tickets.isParticipant(number, sender)) {
				return Optional.of(new Match(number, Rule.SUBJECT_REFERENCE));
			}
		}
		return Optional.empty();
	}

	/** The ticket one of our mails was about, for bounces and auto-replies to it. */
	Optional<Ticket> ticketAnswered(IntakeCheck.MachineReport report) {
		for (String messageId : report.aboutMessageIds()) {
			Optional<Ticket> ticket = this.outbox.ticketOfMessageId(messageId).flatMap(this.tickets::find);
			if (ticket.isPresent()) {
				return ticket;
			}
		}
		return Optional.empty();
	}

}
