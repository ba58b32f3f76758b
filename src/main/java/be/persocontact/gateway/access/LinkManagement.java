package be.persocontact.gateway.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.function.LongFunction;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The access module's API for the pages behind links: opening a link (signature, expiry, purpose,
 * recipient and revocation, each use written to the access log) and revoking links. A GET through a
 * link changes nothing of the ticket, but it is logged: who opened what, and when, is HR data.
 */
@Service
public class LinkManagement {

	private static final int USER_AGENT_CHARS = 512;

	private final SignedLinks links;

	private final LinkEpochTable epochs;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	LinkManagement(SignedLinks links, LinkEpochTable epochs, JdbcTemplate jdbc, Clock clock) {
		this.links = links;
		this.epochs = epochs;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Opens a link for that purpose. {@code requesterOfTicket} gives the requester address of a ticket
	 * id (empty when there is no such ticket): the ticket module's knowledge, asked for, not imported.
	 */
	public LinkUse open(String token, LinkPurpose purpose, LongFunction<Optional<String>> requesterOfTicket,
			String userAgent) {
		LinkVerification verification = this.links.verify(token, purpose);
		LinkUse use;
		Long ticketId = null;
		String recipient = null;
		if (verification instanceof LinkVerification.Valid valid) {
			ticketId = valid.ticketId();
			recipient = requesterOfTicket.apply(valid.ticketId())
				.filter(address -> this.links.isIssuedTo(valid, address))
				.orElse(null);
			use = (recipient == null) ? new LinkUse.Refused(LinkUse.Reason.INVALID)
					: isRevoked(valid, recipient) ? new LinkUse.Refused(LinkUse.Reason.REVOKED)
							: new LinkUse.Granted(purpose, valid.ticketId(), valid.itemId(), recipient);
		}
		else if (verification instanceof LinkVerification.Expired expired) {
			ticketId = expired.ticketId();
			use = new LinkUse.Refused(LinkUse.Reason.EXPIRED);
		}
		else {
			use = new LinkUse.Refused(LinkUse.Reason.INVALID);
		}
		log(purpose, ticketId, recipient, userAgent, use);
		return use;
	}

	/** Every link issued so far for that ticket stops working; new links work again. */
	public int revokeTicketLinks(long ticketId, String operator) {
		return this.epochs.bump(LinkEpochTable.TICKET, Long.toString(ticketId), operator, this.clock.instant());
	}

	/** Every link issued so far to that address, for any ticket, stops working; new links work again. */
	public int revokeRecipientLinks(String address, String operator) {
		return this.epochs.bump(LinkEpochTable.RECIPIENT, RecipientHash.of(address), operator, this.clock.instant());
	}

	/** Has an operator withdrawn this authentic link since it was issued? For modules that verify their own links. */
	public boolean isRevoked(LinkVerification.Valid link, String recipient) {
		return (link.purpose().namesTicket() && link.ticketEpoch() < this.epochs.ofTicket(link.ticketId()))
				|| link.recipientEpoch() < this.epochs.ofRecipient(recipient);
	}

	private void log(LinkPurpose purpose, Long ticketId, String recipient, String userAgent, LinkUse use) {
		String outcome = (use instanceof LinkUse.Refused refused) ? refused.reason().name() : "GRANTED";
		String agent = userAgent == null ? null
				: userAgent.substring(0, Math.min(userAgent.length(), USER_AGENT_CHARS));
		this.jdbc.update("INSERT INTO link_access (accessed_at, ticket_id, purpose, recipient_hash, user_agent, outcome) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", Timestamp.from(this.clock.instant()), ticketId, purpose.name(),
				recipient == null ? null : RecipientHash.of(recipient), agent, outcome);
	}

}
