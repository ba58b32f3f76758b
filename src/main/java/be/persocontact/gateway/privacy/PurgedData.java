package be.persocontact.gateway.privacy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Each kind of personal data the purge removes, with the retention period that applies to it. The first
 * five belong to a closed ticket and count from its closing; the others never became part of a ticket and
 * count from their own time. The code is what the purge record ({@code retention_purge.kind}) says.
 */
public enum PurgedData {

	RAW_MAILS("raw-mails", true, PrivacySettings.Retention::rawMails),
	ATTACHMENT_FILES("attachment-files", true, PrivacySettings.Retention::attachmentFiles),
	ATTACHMENT_TEXTS("attachment-texts", true, PrivacySettings.Retention::attachmentTexts),
	MESSAGE_TEXTS("message-texts", true, PrivacySettings.Retention::messageTexts),
	ACCESS_LOG("access-log", true, PrivacySettings.Retention::accessLog),

	IGNORED_MAILS("ignored-mails", false, PrivacySettings.Retention::ignoredMails),
	DUPLICATE_MAILS("duplicate-mails", false, PrivacySettings.Retention::duplicateMails),
	REJECTED_MAILS("rejected-mails", false, PrivacySettings.Retention::rejectedMails),
	QUARANTINED_MAILS("quarantined-mails", false, PrivacySettings.Retention::quarantinedMails),
	REFUSED_SUBMISSIONS("refused-submissions", false, PrivacySettings.Retention::rejectedMails),
	NOTICES("notices", false, PrivacySettings.Retention::notices),
	PORTAL_VISITORS("portal-visitors", false, PrivacySettings.Retention::portalVisitors),
	ACCESS_LOG_WITHOUT_TICKET("access-log-without-ticket", false, PrivacySettings.Retention::accessLog),
	FAILING_ADDRESSES("failing-addresses", false, PrivacySettings.Retention::failingAddresses);

	private final String code;

	private final boolean ofTicket;

	private final Function<PrivacySettings.Retention, Duration> period;

	PurgedData(String code, boolean ofTicket, Function<PrivacySettings.Retention, Duration> period) {
		this.code = code;
		this.ofTicket = ofTicket;
		this.period = period;
	}

	public String code() {
		return this.code;
	}

	/** Does this kind belong to a closed ticket (and count from its closing)? */
	public boolean ofTicket() {
		return this.ofTicket;
	}

	public Duration period(PrivacySettings.Retention retention) {
		return this.period.apply(retention);
	}

	public static List<PurgedData> ofTickets() {
		return Arrays.stream(values()).filter(PurgedData::ofTicket).toList();
	}

	public static List<PurgedData> withoutTicket() {
		return Arrays.stream(values()).filter(kind -> !kind.ofTicket).toList();
	}

}
