package be.persocontact.gateway.queue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import be.persocontact.gateway.access.LinkManagement;
import be.persocontact.gateway.access.ReplyAddresses.QueueToken;
import be.persocontact.gateway.notification.NotificationManagement;
import be.persocontact.gateway.system.Mailboxes;
import be.persocontact.gateway.notification.Outbox;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An officer's reply to a mail about a ticket, arriving through the intake like any mail. It acts only
 * when the reply address carries a valid token for (ticket, queue), the ticket is still in that queue,
 * the sender is an officer of it, and (where the receiving server's results are trusted) DMARC passed.
 * Anything less changes nothing and is held for review with the reason; the sender is not answered,
 * since the sender may be anyone. A reply from a real officer with a wrong command is not carried out
 * either, and that officer is told why.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class OfficerReplies {

	private static final Logger log = LoggerFactory.getLogger(OfficerReplies.class);

	private final LinkManagement links;

	private final QueueDirectory directory;

	private final TicketManagement tickets;

	private final NotificationManagement notifications;

	private final Outbox outbox;

	private final OfficerMails mails;

	private final QueueSettings settings;

	private final Mailboxes mailboxes;

	private final Clock clock;

	OfficerReplies(LinkManagement links, QueueDirectory directory, TicketManagement tickets,
			NotificationManagement notifications, OfficerMails mails, QueueSettings settings,
			Mailboxes mailboxes, Clock clock, Outbox outbox) {
		this.outbox = outbox;
		this.links = links;
		this.directory = directory;
		this.tickets = tickets;
		this.notifications = notifications;
		this.mails = mails;
		this.settings = settings;
		this.mailboxes = mailboxes;
		this.clock = clock;
	}

	/**
	 * Handles the mail if it was sent to an officer's reply address; {@link Result.Kind#NOT_FOR_OFFICERS}
	 * otherwise, and the intake goes on with it as a requester's mail.
	 *
	 * @param authorship whether the intake could prove the sender is who the From says
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Result handle(OfficerMail mail, Authorship authorship) {
		QueueToken token = tokenIn(mail.recipients());
		if (token.kind() == QueueToken.Kind.NONE) {
			// a server that drops the "+token" part, or an officer who wrote to the plain address: such a
			// reply must neither act nor become a ticket in the officer's name
			if (mail.referencedMessageIds().stream().anyMatch(this.outbox::isMailToOfficers)) {
				return Result.held("NO_TOKEN: a reply to a mail for officers, without the reply address that lets it act");
			}
			return Result.NOT_FOR_OFFICERS;
		}
		if (token.kind() == QueueToken.Kind.FORGED) {
			return Result.held("FORGED_TOKEN: the reply address was not issued by this gateway");
		}
		Ticket ticket = this.tickets.find(token.ticketId()).orElse(null);
		if (ticket == null) {
			return Result.held("FORGED_TOKEN: no ticket " + token.ticketId());
		}
		if (token.kind() == QueueToken.Kind.EXPIRED) {
			return Result.held("EXPIRED_TOKEN: the reply address expired on " + token.validUntil(), ticket);
		}
		if (token.kind() == QueueToken.Kind.REVOKED) {
			return Result.held("REVOKED_TOKEN: an operator withdrew the links of " + ticket.number() + " or of queue "
					+ token.queue() + " after this reply address was issued", ticket);
		}
		Queue queue = this.directory.find(token.queue()).orElse(null);
		if (queue == null) {
			return Result.held("UNKNOWN_QUEUE: queue " + token.queue() + " is no longer configured", ticket);
		}
		Officer officer = queue.officer(mail.from());
		if (officer == null) {
			return Result.held("NOT_AN_OFFICER: " + mail.from() + " is not an officer of queue " + queue.code(), ticket);
		}
		if (!authorship.proven()) {
			return Result.held("UNAUTHENTICATED: an officer's reply needs proof of its sender; " + authorship.problem(),
					ticket);
		}
		if (!queue.code().equals(ticket.queue())) {
			return Result.held("NOT_IN_QUEUE: " + ticket.number() + " is now in queue " + ticket.queue() + ", not "
					+ queue.code(), ticket);
		}
		OfficerCommands commands = OfficerCommands.parse(mail.text(), this.directory.codes(), ticket.status());
		if (!commands.valid()) {
			this.mails.refuse(ticket, queue, officer, commands.problems());
			log.info("Officer reply from {} on {} not carried out: {}", officer.address(), ticket.number(),
					commands.problems());
			return new Result(Result.Kind.COMMANDS_REFUSED, String.join("; ", commands.problems()),
					ticket.number().value(), false);
		}
		apply(ticket, officer, commands, mail.inboundMessageId());
		return new Result(Result.Kind.DONE, officer.address() + ": " + commands.summary(), ticket.number().value(),
				isNote(commands));
	}

	private void apply(Ticket ticket, Officer officer, OfficerCommands commands, Long inboundMessageId) {
		var number = ticket.number();
		String who = officer.address();
		if (commands.take()) {
			this.tickets.take(number, who);
		}
		if (isNote(commands)) {
			if (!commands.text().isEmpty()) {
				this.tickets.addInternalNote(number, who, commands.text(), inboundMessageId);
			}
		}
		else if (commands.pending()) {
			this.tickets.askForInformation(number, who, commands.text(), inboundMessageId);
		}
		else if (commands.resolve()) {
			this.tickets.resolve(number, who, commands.text(), inboundMessageId);
		}
		else if (!commands.text().isEmpty()) {
			this.tickets.answer(number, who, commands.text(), inboundMessageId);
			this.notifications.officerAnswered(number, commands.text(), inboundMessageId);
		}
		if (commands.queue() != null && !commands.queue().equals(ticket.queue())) {
			this.tickets.route(number, commands.queue(), "moved by " + who);
		}
	}

	/** A ticket passed on to another queue takes the officer's words along for colleagues, not the requester. */
	private static boolean isNote(OfficerCommands commands) {
		return commands.internal() || (commands.queue() != null && !commands.pending() && !commands.resolve());
	}

	private QueueToken tokenIn(List<String> recipients) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneId.of(this.settings.timeZone()));
		QueueToken found = QueueToken.NONE_FOUND;
		for (String recipient : recipients) {
			// built on the address of the ticket's mailbox: any of ours
			for (String helpdesk : this.mailboxes.addresses()) {
				QueueToken token = this.links.openQueueReplyAddress(recipient, helpdesk, this.directory.codes(), today);
				if (token.kind() == QueueToken.Kind.VALID) {
					return token;
				}
				if (token.kind().ordinal() > found.kind().ordinal()) {
					found = token;
				}
			}
		}
		return found;
	}

	/**
	 * What an officer's reply arrived as: sender, recipients (one carries the token), the Message-IDs it
	 * answers (In-Reply-To, References), its text with quotes trimmed.
	 */
	public record OfficerMail(String from, List<String> recipients, List<String> referencedMessageIds, String text,
			Long inboundMessageId) {
	}

	/**
	 * Whether the sender of a mail is proven to be its From address (a DMARC pass from our own server,
	 * for a single author), and if not, why not.
	 */
	public record Authorship(boolean proven, String problem) {

		public static Authorship provenSender() {
			return new Authorship(true, null);
		}

		public static Authorship unproven(String problem) {
			return new Authorship(false, problem);
		}

	}

	/**
	 * @param reason why it was held or refused, or what was done
	 * @param ticket the ticket's number, when the token named one that exists
	 * @param internal the reply was a note between officers: its files must not reach the employee
	 */
	public record Result(Kind kind, String reason, String ticket, boolean internal) {

		static final Result NOT_FOR_OFFICERS = new Result(Kind.NOT_FOR_OFFICERS, null, null, false);

		public enum Kind {

			/** Not sent to an officer's reply address: a requester's mail. */
			NOT_FOR_OFFICERS,
			/** Not to be trusted: nothing changed, held for review. */
			HELD,
			/** From an officer, but the commands could not be carried out; the officer was told. */
			COMMANDS_REFUSED,
			DONE

		}

		static Result held(String reason) {
			return new Result(Kind.HELD, reason, null, false);
		}

		static Result held(String reason, Ticket ticket) {
			return new Result(Kind.HELD, reason, ticket.number().value(), false);
		}

	}

}
