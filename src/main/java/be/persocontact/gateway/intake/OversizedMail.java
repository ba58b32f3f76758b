package be.persocontact.gateway.intake;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * A mail over the size limit, recorded by its header block only: rejected politely (at most once a day
 * per sender), unless a machine sent it, which is never answered.
 */
@Component
class OversizedMail {

	private final IntakeChain chain;

	private final RejectionNotices notices;

	private final IntakeSettings settings;

	private final Clock clock;

	private final be.persocontact.gateway.system.Mailboxes mailboxes;

	private final StoredMails stored;

	OversizedMail(IntakeChain chain, RejectionNotices notices, IntakeSettings settings, Clock clock,
			be.persocontact.gateway.system.Mailboxes mailboxes, StoredMails stored) {
		this.mailboxes = mailboxes;
		this.stored = stored;
		this.chain = chain;
		this.notices = notices;
		this.settings = settings;
		this.clock = clock;
	}

	Outcome reject(InboundMessage record, long size) {
		ParsedMail mail;
		try {
			mail = ParsedMail.parse(this.stored.of(record.id())); // its header block only
		}
		catch (Exception ex) {
			throw UnprocessableMail.unparseable("headers", ex);
		}
		if (this.chain.run(mail) instanceof IntakeCheck.Stop stop) {
			record.finish(stop.outcome(), stop.reason() + "; " + size + " bytes", null, this.clock.instant());
			return stop.outcome();
		}
		if (mail.sender() != null) {
			this.notices.notifyOnce(mail.sender().address(), MailIntake.languageOf(mail, this.mailboxes.orPrimary(record.mailboxId())),
					Outcome.REJECTED_TOO_LARGE, mail.subject());
		}
		record.finish(Outcome.REJECTED_TOO_LARGE, size + " bytes, more than " + this.settings.maxMessageSize(), null,
				this.clock.instant());
		return Outcome.REJECTED_TOO_LARGE;
	}

}
