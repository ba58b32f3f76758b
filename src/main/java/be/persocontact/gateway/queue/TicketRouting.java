package be.persocontact.gateway.queue;

import be.persocontact.gateway.attachment.AttachmentManagement;
import be.persocontact.gateway.system.Mailbox;
import be.persocontact.gateway.system.Mailboxes;
import be.persocontact.gateway.ticket.Ticket;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketNumber;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a new ticket in a queue by running the routing rules, a Camel route an administrator reads
 * and edits ({@code routes/ticket-routing.camel.yaml}, endpoint {@value #RULES}). The rules answer
 * with a queue code and the rule that matched; both go on the timeline. Rules that fail, or name a
 * queue that does not exist, never lose the ticket: it goes to the default queue, and the timeline
 * says why.
 */
@Service
public class TicketRouting {

	static final String RULES = "direct:route-ticket";

	private static final Logger log = LoggerFactory.getLogger(TicketRouting.class);

	private final TicketManagement tickets;

	private final AttachmentManagement attachments;

	private final QueueDirectory directory;

	private final ProducerTemplate camel;

	private final Mailboxes mailboxes;

	TicketRouting(TicketManagement tickets, AttachmentManagement attachments, QueueDirectory directory,
			ProducerTemplate camel, Mailboxes mailboxes) {
		checkDefaultQueues(mailboxes, directory);
		this.mailboxes = mailboxes;
		this.tickets = tickets;
		this.attachments = attachments;
		this.directory = directory;
		this.camel = camel;
	}

	/** Routes the ticket (its message and files recorded); its queue's officers are told by mail. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Decision route(TicketNumber number) {
		Ticket ticket = this.tickets.find(number).orElseThrow(() -> new IllegalArgumentException("No ticket " + number));
		Decision decision = decide(factsOf(ticket));
		this.tickets.route(number, decision.queue(), decision.rule());
		return decision;
	}

	/** The rules' answer for these facts; never null, never an unknown queue. */
	Decision decide(RoutingFacts facts) {
		String fallback = this.directory.defaultQueue().code();
		facts.defaultQueueUnlessSet(fallback);
		Exchange exchange = this.camel.send(RULES, ex -> ex.getMessage().setBody(facts));
		if (exchange.getException() != null) {
			log.error("The routing rules failed; the ticket goes to the default queue {}", fallback,
					exchange.getException());
			return new Decision(fallback, "routing rules failed (" + exchange.getException().getClass().getSimpleName()
					+ "), default queue");
		}
		String queue = exchange.getMessage().getHeader("queue", String.class);
		String rule = exchange.getMessage().getHeader("rule", String.class);
		if (queue == null || this.directory.find(queue).isEmpty()) {
			log.error("The routing rule '{}' names queue '{}', which is not configured", rule, queue);
			return new Decision(fallback, "rule '" + rule + "' names unknown queue '" + queue + "', default queue");
		}
		return new Decision(queue, rule == null || rule.isBlank() ? "unnamed rule" : rule);
	}

	private RoutingFacts factsOf(Ticket ticket) {
		String message = ticket.firstRequesterMessage();
		String language = LanguageGuess.of(ticket.subject() + "\n" + message, ticket.requester().language());
		String mailboxQueue = this.mailboxes.find(ticket.mailbox()).map(Mailbox::defaultQueue).orElse(null);
		return new RoutingFacts(ticket.formCode(), ticket.requester().address(), language, ticket.subject(), message,
				this.attachments.textOf(ticket.id()), mailboxQueue);
	}

	/** A mailbox's default queue must be a queue: a typo would send its tickets nowhere anyone looks. */
	static void checkDefaultQueues(Mailboxes mailboxes, QueueDirectory directory) {
		for (Mailbox mailbox : mailboxes.all()) {
			if (mailbox.defaultQueue() != null && directory.find(mailbox.defaultQueue()).isEmpty()) {
				throw new IllegalStateException("gateway.mailboxes (id '" + mailbox.id() + "'): default-queue '"
						+ mailbox.defaultQueue() + "' is not a queue of " + "the queues file; known are "
						+ new java.util.TreeSet<>(directory.codes()));
			}
		}
	}

	/** Where a ticket goes, and the rule that said so (shown on the timeline). */
	public record Decision(String queue, String rule) {
	}

}
