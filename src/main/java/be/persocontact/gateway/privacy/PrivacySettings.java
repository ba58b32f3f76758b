package be.persocontact.gateway.privacy;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Privacy settings ({@code gateway.privacy.*}): how long each kind of personal data is kept, and how the
 * purge runs. The README's configuration table gives each default with its reason.
 *
 * @param retention the retention period of each kind of data
 * @param batchSize rows (or tickets) one purge transaction handles: small, so that no transaction holds
 * locks the intake waits for
 * @param runLimit the longest one purge run goes on; the next run continues where it stopped
 * @param keepTicketShells whether an erasure on request keeps each ticket's shell (number, dates, queue,
 * status history) as retention does, or deletes the ticket whole
 */
@Validated
@ConfigurationProperties("gateway.privacy")
public record PrivacySettings(@Valid @NotNull @DefaultValue Retention retention,
		@DefaultValue("100") @Min(1) int batchSize, @DefaultValue("PT5M") @NotNull Duration runLimit,
		@DefaultValue("true") boolean keepTicketShells) {

	public PrivacySettings {
		if (runLimit != null && (runLimit.isNegative() || runLimit.isZero())) {
			throw new IllegalArgumentException("gateway.privacy.run-limit must be positive: " + runLimit);
		}
	}

	/**
	 * How long each kind of personal data is kept. A closed ticket's data counts from its closing; the
	 * rest from when it arrived (or, for a portal visitor, its last link; for a failing address, its last
	 * bounce).
	 *
	 * @param rawMails a ticket's mails as received, byte for byte (its texts and files are kept apart)
	 * @param attachmentFiles a ticket's files: bytes, names, metadata
	 * @param attachmentTexts the text read from a ticket's files (routing and search)
	 * @param messageTexts subject, requester, every text of the timeline, the mails sent, the portal
	 * submission: after this only the ticket's shell is left
	 * @param accessLog who opened a ticket's pages and files (and, counted from the use, the portal pages)
	 * @param ignoredMails machine mail: auto-replies, bounces, receipts, lists
	 * @param duplicateMails second copies of a mail already recorded
	 * @param rejectedMails mails refused with a notice, and refused portal submissions
	 * @param quarantinedMails mails held for an operator
	 * @param notices mails about no ticket: rejection notices, portal links, queue digests
	 * @param portalVisitors addresses that asked for a portal link, after their last link
	 * @param failingAddresses addresses that bounced for good, after their last bounce
	 */
	public record Retention(@DefaultValue("P30D") @NotNull Duration rawMails,
			@DefaultValue("P90D") @NotNull Duration attachmentFiles, @DefaultValue("P30D") @NotNull Duration attachmentTexts,
			@DefaultValue("P365D") @NotNull Duration messageTexts, @DefaultValue("P365D") @NotNull Duration accessLog,
			@DefaultValue("P30D") @NotNull Duration ignoredMails, @DefaultValue("P30D") @NotNull Duration duplicateMails,
			@DefaultValue("P90D") @NotNull Duration rejectedMails,
			@DefaultValue("P90D") @NotNull Duration quarantinedMails, @DefaultValue("P90D") @NotNull Duration notices,
			@DefaultValue("P90D") @NotNull Duration portalVisitors,
			@DefaultValue("P365D") @NotNull Duration failingAddresses) {

		public Retention {
			for (Duration period : new Duration[] { rawMails, attachmentFiles, attachmentTexts, messageTexts, accessLog,
					ignoredMails, duplicateMails, rejectedMails, quarantinedMails, notices, portalVisitors,
					failingAddresses }) {
				if (period != null && period.isNegative()) {
					throw new IllegalArgumentException("A retention period cannot be negative: " + period);
				}
			}
			notLongerThanTexts("raw-mails", rawMails, messageTexts);
			notLongerThanTexts("attachment-files", attachmentFiles, messageTexts);
			notLongerThanTexts("attachment-texts", attachmentTexts, messageTexts);
			if (notices != null && notices.compareTo(Duration.ofDays(1)) < 0) {
				throw new IllegalArgumentException("gateway.privacy.retention.notices (" + notices + ") must be at "
						+ "least P1D: at most one notice a day per sender and reason is counted on the notices kept");
			}
		}

		/** Nothing of a ticket outlives its texts: a file or mail kept without them would belong to nobody known. */
		private static void notLongerThanTexts(String name, Duration period, Duration messageTexts) {
			if (period != null && messageTexts != null && period.compareTo(messageTexts) > 0) {
				throw new IllegalArgumentException("gateway.privacy.retention." + name + " (" + period
						+ ") cannot be longer than gateway.privacy.retention.message-texts (" + messageTexts + ")");
			}
		}

	}

}
