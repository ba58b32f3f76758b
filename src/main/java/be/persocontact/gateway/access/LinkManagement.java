package be.persocontact.gateway.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import be.persocontact.gateway.access.ReplyAddresses.QueueToken;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access module's API, and the one way any link or reply address is verified: signature, expiry,
 * purpose, recipient and revocation. A use that opens is written to the access log (who opened what,
 * and when, is HR data); one that does not is only counted ({@code gateway.links.rejected}, by purpose
 * and reason), so that nobody can fill the log by guessing. Operators revoke links here, and every
 * revocation is kept with who asked for it and why.
 */
@Service
public class LinkManagement {

	private static final Logger log = LoggerFactory.getLogger(LinkManagement.class);

	static final String REJECTED_METRIC = "gateway.links.rejected";

	/** Every use of a link or reply address, by purpose and outcome (GRANTED or the reason refused). */
	static final String USES_METRIC = "gateway.links.uses";

	private static final int USER_AGENT_CHARS = 512;

	private final SignedLinks links;

	private final ReplyAddresses replyAddresses;

	private final LinkEpochTable epochs;

	private final LinkRevocations revocations;

	private final JdbcTemplate jdbc;

	private final MeterRegistry meters;

	private final Clock clock;

	LinkManagement(SignedLinks links, ReplyAddresses replyAddresses, LinkEpochTable epochs,
			LinkRevocations revocations, JdbcTemplate jdbc, MeterRegistry meters, Clock clock) {
		this.links = links;
		this.replyAddresses = replyAddresses;
		this.epochs = epochs;
		this.revocations = revocations;
		this.jdbc = jdbc;
		this.meters = meters;
		this.clock = clock;
		for (LinkPurpose purpose : LinkPurpose.values()) {
			uses(purpose, "GRANTED"); // from the start, at zero, so a rate of uses exists before the first
		}
	}

	/**
	 * Opens a link for that purpose. {@code audienceOf} gives the address a link naming that id may have
	 * been issued to (a ticket's requester, a queue's audience, a portal visitor's address; empty when
	 * there is no such thing): the other module's knowledge, asked for, not imported.
	 */
	public LinkUse open(String token, LinkPurpose purpose, LongFunction<Optional<String>> audienceOf,
			String userAgent) {
		LinkVerification verification = this.links.verify(token, purpose);
		if (verification instanceof LinkVerification.Expired) {
			return refuse(purpose, Rejection.EXPIRED);
		}
		if (verification instanceof LinkVerification.Invalid invalid) {
			return refuse(purpose, Rejection.of(invalid));
		}
		LinkVerification.Valid valid = (LinkVerification.Valid) verification;
		String audience = audienceOf.apply(valid.ticketId())
			.filter(address -> this.links.isIssuedTo(valid, address))
			.orElse(null);
		if (audience == null) {
			return refuse(purpose, Rejection.NOT_ISSUED_TO);
		}
		if (isRevoked(purpose, valid.ticketId(), valid.ticketEpoch(), audience, valid.recipientEpoch())) {
			return refuse(purpose, Rejection.REVOKED);
		}
		logUse(purpose, valid.ticketId(), audience, userAgent);
		return new LinkUse.Granted(purpose, valid.ticketId(), valid.itemId(), audience);
	}

	/**
	 * Opens a requester's reply address that a mail from {@code sender} was sent to: granted (the ticket
	 * it names), refused (not issued to that sender, or withdrawn), or empty when the address is not a
	 * requester's reply address at all (the helpdesk's plain address, a colleague in copy).
	 */
	public Optional<LinkUse> openReplyAddress(String address, String helpdeskAddress, String sender) {
		return this.replyAddresses.requesterTokenOf(address, helpdeskAddress, sender).map(token -> {
			if (token.kind() != ReplyAddresses.RequesterToken.Kind.AUTHENTIC) {
				return refuse(LinkPurpose.REPLY_ADDRESS, Rejection.NOT_ISSUED_TO);
			}
			if (isRevoked(LinkPurpose.REPLY_ADDRESS, token.ticketId(), token.ticketEpoch(), sender,
					token.recipientEpoch())) {
				return refuse(LinkPurpose.REPLY_ADDRESS, Rejection.REVOKED);
			}
			logUse(LinkPurpose.REPLY_ADDRESS, token.ticketId(), sender, null);
			return new LinkUse.Granted(LinkPurpose.REPLY_ADDRESS, token.ticketId(), 0, sender);
		});
	}

	/**
	 * The ticket of the first of these addresses that is a reply address issued to {@code sender} and
	 * withdrawn since: such a mail is held, not threaded, not answered. Nothing is logged for the others;
	 * their use is {@link #openReplyAddress}'s.
	 */
	public Optional<Long> withdrawnReplyAddress(Collection<String> addresses, String helpdeskAddress, String sender) {
		for (String address : addresses) {
			Optional<ReplyAddresses.RequesterToken> token = this.replyAddresses
				.requesterTokenOf(address, helpdeskAddress, sender)
				.filter(found -> found.kind() == ReplyAddresses.RequesterToken.Kind.AUTHENTIC);
			if (token.isPresent() && isRevoked(LinkPurpose.REPLY_ADDRESS, token.get().ticketId(),
					token.get().ticketEpoch(), sender, token.get().recipientEpoch())) {
				refuse(LinkPurpose.REPLY_ADDRESS, Rejection.REVOKED);
				return Optional.of(token.get().ticketId());
			}
		}
		return Optional.empty();
	}

	/**
	 * Reads an officers' reply address as {@link ReplyAddresses#queueTokenOf} does, and says
	 * {@link QueueToken.Kind#REVOKED} for one whose ticket or queue had its links withdrawn since.
	 */
	public QueueToken openQueueReplyAddress(String address, String helpdeskAddress, Collection<String> queues,
			LocalDate today) {
		QueueToken token = this.replyAddresses.queueTokenOf(address, helpdeskAddress, queues, today);
		switch (token.kind()) {
			case NONE -> {
				return token;
			}
			case FORGED -> {
				refuse(LinkPurpose.QUEUE_REPLY_ADDRESS, Rejection.TAMPERED);
				return token;
			}
			case EXPIRED -> {
				refuse(LinkPurpose.QUEUE_REPLY_ADDRESS, Rejection.EXPIRED);
				return token;
			}
			default -> {
				String audience = ReplyAddresses.QUEUE_AUDIENCE_PREFIX + token.queue();
				if (isRevoked(LinkPurpose.QUEUE_REPLY_ADDRESS, token.ticketId(), token.ticketEpoch(), audience,
						token.queueEpoch())) {
					refuse(LinkPurpose.QUEUE_REPLY_ADDRESS, Rejection.REVOKED);
					return token.revoked();
				}
				logUse(LinkPurpose.QUEUE_REPLY_ADDRESS, token.ticketId(), audience, null);
				return token;
			}
		}
	}

	/**
	 * Every link and reply address issued so far for that ticket stops working, whoever it went to
	 * (requester, officers); links issued afterwards work.
	 * @param number the ticket's number, kept in the revocation log
	 */
	@Transactional
	public Revocation revokeTicketLinks(long ticketId, String number, String operator, String reason) {
		return revoke(Revocation.Scope.TICKET, LinkEpochTable.TICKET, Long.toString(ticketId), number, operator, reason);
	}

	/**
	 * Every link and reply address issued so far to that address, for any ticket, stops working; links
	 * issued afterwards work. The log keeps the address's pseudonym only.
	 */
	@Transactional
	public Revocation revokeRecipientLinks(String address, String operator, String reason) {
		return revoke(Revocation.Scope.RECIPIENT, LinkEpochTable.RECIPIENT, RecipientHash.of(address), null, operator,
				reason);
	}

	/**
	 * The officers' links of a queue (its reply addresses and its officer views, issued to the queue's
	 * audience {@code queue:<code>}) stop working; mails to the queue from now on carry working ones.
	 */
	@Transactional
	public Revocation revokeQueueLinks(String queue, String operator, String reason) {
		return revoke(Revocation.Scope.QUEUE, LinkEpochTable.RECIPIENT,
				RecipientHash.of(ReplyAddresses.QUEUE_AUDIENCE_PREFIX + queue), queue, operator, reason);
	}

	/**
	 * The revocations, newest first: of one scope when given, of one ticket number, queue code or key
	 * (a ticket id or an address's pseudonym) when given.
	 */
	@Transactional(readOnly = true)
	public List<Revocation> revocations(Revocation.Scope scope, String subjectOrKey, int limit) {
		return this.revocations.find(scope, subjectOrKey, limit);
	}

	/** The revocations of one address, found by its pseudonym, newest first. */
	@Transactional(readOnly = true)
	public List<Revocation> revocationsOfAddress(String address, int limit) {
		return this.revocations.find(Revocation.Scope.RECIPIENT, RecipientHash.of(address), limit);
	}

	private Revocation revoke(Revocation.Scope scope, String epochScope, String key, String subject, String operator,
			String reason) {
		Revocation.requireText("operator", operator, Revocation.MAX_OPERATOR_CHARS);
		Revocation.requireText("reason", reason, Revocation.MAX_REASON_CHARS);
		var now = this.clock.instant();
		int epoch = this.epochs.bump(epochScope, key, operator.strip(), now);
		Revocation revocation = this.revocations.record(scope, subject, key, epoch, now, operator.strip(), reason.strip());
		log.warn("Links withdrawn: {} {} now at epoch {}, by {} ({})", scope, subject != null ? subject : key, epoch,
				revocation.revokedBy(), revocation.reason());
		return revocation;
	}

	private boolean isRevoked(LinkPurpose purpose, long ticketId, int ticketEpoch, String recipient,
			int recipientEpoch) {
		if (!purpose.namesTicket()) {
			return recipientEpoch < this.epochs.ofRecipient(recipient);
		}
		LinkEpochs.Pair current = this.epochs.of(ticketId, recipient);
		return ticketEpoch < current.ticket() || recipientEpoch < current.recipient();
	}

	private LinkUse.Refused refuse(LinkPurpose purpose, Rejection rejection) {
		Counter.builder(REJECTED_METRIC)
			.description("Uses of links and reply addresses that did not open: nothing logged, only counted")
			.tag("purpose", purpose.name())
			.tag("reason", rejection.name())
			.register(this.meters)
			.increment();
		uses(purpose, rejection.name()).increment();
		return new LinkUse.Refused(rejection.forReader());
	}

	private Counter uses(LinkPurpose purpose, String outcome) {
		return Counter.builder(USES_METRIC)
			.description("Uses of links and reply addresses, by outcome: GRANTED or the reason refused")
			.tag("purpose", purpose.name())
			.tag("outcome", outcome)
			.register(this.meters);
	}

	private void logUse(LinkPurpose purpose, long id, String recipient, String userAgent) {
		uses(purpose, "GRANTED").increment();
		String agent = userAgent == null ? null
				: userAgent.substring(0, Math.min(userAgent.length(), USER_AGENT_CHARS));
		this.jdbc.update("INSERT INTO link_access (accessed_at, ticket_id, purpose, recipient_hash, user_agent, outcome) "
				+ "VALUES (?, ?, ?, ?, ?, 'GRANTED')", Timestamp.from(this.clock.instant()),
				purpose.namesTicket() ? id : null, purpose.name(), RecipientHash.of(recipient), agent);
	}

	/** Why a use did not open, as counted; the reader learns only expired, withdrawn or not valid. */
	enum Rejection {

		/** Not a token at all: length, encoding, version. */
		MALFORMED,
		/** Shaped right, but the signature does not hold or its key is unknown. */
		TAMPERED,
		/** Authentic, for another kind of page. */
		WRONG_PURPOSE,
		/** Authentic, but not issued to whom it names (another recipient, or no such ticket). */
		NOT_ISSUED_TO,
		EXPIRED,
		/** Authentic and current, but an operator withdrew it. */
		REVOKED;

		static Rejection of(LinkVerification.Invalid invalid) {
			return switch (invalid.why()) {
				case "signature", "unknown key" -> TAMPERED;
				case "purpose" -> WRONG_PURPOSE;
				default -> MALFORMED;
			};
		}

		LinkUse.Reason forReader() {
			return switch (this) {
				case EXPIRED -> LinkUse.Reason.EXPIRED;
				case REVOKED -> LinkUse.Reason.REVOKED;
				default -> LinkUse.Reason.INVALID;
			};
		}

	}

}
