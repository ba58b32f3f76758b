package be.persocontact.gateway.intake;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How recorded mails are processed by every instance ({@code gateway.intake.processing.*}).
 *
 * @param lease how long a claimed mail is left to the instance that claimed it; after that (the instance
 * died) another instance processes it. Longer than the slowest mail's processing (attachments included)
 * @param period how often an instance looks for recorded mails nobody processes (the poller wakes its own
 * instance at once; this is for mails another instance recorded or left)
 * @param retryBackoff the wait after a mail's first passing failure; it doubles per attempt
 * @param workers mails processed at the same time on this instance
 * @param maxUnfinished how many times a mail's processing may end without any result (its instance was
 * killed, or ran out of memory on it) before the mail is quarantined instead of claimed again: a mail that
 * brings the gateway down must not do so forever
 * @param largeMail mails larger than this are read from the mailbox and processed one at a time on an
 * instance, small ones go on beside them ({@link LargeMails}): while it is read or processed a mail is held
 * once or twice over (raw, decoded files, their text), and two 30 MB mails side by side would not fit the
 * heap that one fits in
 */
@Validated
@ConfigurationProperties("gateway.intake.processing")
public record IntakeProcessingSettings(@DefaultValue("PT5M") @NotNull Duration lease,
		@DefaultValue("PT1S") @NotNull Duration period, @DefaultValue("PT2S") @NotNull Duration retryBackoff,
		@DefaultValue("4") int workers, @DefaultValue("5") int maxUnfinished,
		@DefaultValue("5MB") @NotNull DataSize largeMail) {

	public IntakeProcessingSettings {
		if (lease.compareTo(Duration.ofSeconds(5)) < 0) {
			throw new IllegalArgumentException("gateway.intake.processing.lease must be at least PT5S, not " + lease);
		}
		if (period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("gateway.intake.processing.period must be positive, not " + period);
		}
		if (maxUnfinished < 1) {
			throw new IllegalArgumentException(
					"gateway.intake.processing.max-unfinished must be at least 1, not " + maxUnfinished);
		}
		if (workers < 1 || workers > 64) {
			throw new IllegalArgumentException("gateway.intake.processing.workers must be 1 to 64, not " + workers);
		}
	}

}
