package be.persocontact.gateway.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import be.persocontact.gateway.ticket.TicketNumber;

import org.springframework.stereotype.Component;

/**
 * How many messages a ticket takes by mail, and one sender adds to tickets, per window. Each message
 * mails the officers; without a limit one address (or a loop) floods a queue through a single ticket.
 */
@Component
class AppendLimits {

	private final InboundMessages messages;

	private final IntakeSettings settings;

	private final Clock clock;

	AppendLimits(InboundMessages messages, IntakeSettings settings, Clock clock) {
		this.messages = messages;
		this.settings = settings;
		this.clock = clock;
	}

	/** Why this message may not be added now, or empty when it may. */
	Optional<String> exceeded(String sender, TicketNumber ticket) {
		Instant since = this.clock.instant().minus(this.settings.rateWindow());
		if (this.messages.countByTicketNumberAndOutcomeAndProcessedAtAfter(ticket.value(), Outcome.APPENDED,
				since) >= this.settings.appendsPerTicket()) {
			return Optional.of("more than " + this.settings.appendsPerTicket() + " messages on " + ticket + " in "
					+ this.settings.rateWindow());
		}
		if (this.messages.countBySenderAndOutcomeAndProcessedAtAfter(sender, Outcome.APPENDED,
				since) >= this.settings.appendsPerSender()) {
			return Optional.of("more than " + this.settings.appendsPerSender() + " messages to tickets from " + sender
					+ " in " + this.settings.rateWindow());
		}
		return Optional.empty();
	}

}
