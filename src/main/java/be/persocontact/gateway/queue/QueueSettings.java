package be.persocontact.gateway.queue;

import java.time.Duration;
import java.time.LocalTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Officer queue settings ({@code gateway.queues.*}).
 *
 * @param location the queues file: {@code classpath:…} for the shipped demo, {@code file:…} for one an
 * administrator maintains
 * @param replyTokenLifetime how long the reply address of a mail to officers keeps working
 * @param reminderAfter a ticket waiting for its requester (information asked, solution proposed) is
 * reminded once after this long
 * @param autoCloseAfter a proposed solution without an answer closes the ticket after this long
 * @param attachmentsMaxSize the most an announcement to a queue with {@code attach-files} carries;
 * files beyond it stay in the officers' view
 * @param digestAt the local time after which each queue's daily digest is sent
 * @param timeZone the zone of {@code digestAt} and of the digest's dates
 */
@Validated
@ConfigurationProperties("gateway.queues")
public record QueueSettings(@DefaultValue("classpath:queues/queues.yaml") @NotBlank String location,
		@DefaultValue("P90D") @NotNull Duration replyTokenLifetime, @DefaultValue("P5D") @NotNull Duration reminderAfter,
		@DefaultValue("P14D") @NotNull Duration autoCloseAfter,
		@DefaultValue("10MB") @NotNull DataSize attachmentsMaxSize, @DefaultValue("07:00") @NotNull LocalTime digestAt, @DefaultValue("Europe/Brussels") @NotBlank String timeZone) {

	public QueueSettings {
		if (autoCloseAfter != null && reminderAfter != null && autoCloseAfter.compareTo(reminderAfter) <= 0) {
			throw new IllegalArgumentException("gateway.queues.auto-close-after (" + autoCloseAfter
					+ ") must be longer than gateway.queues.reminder-after (" + reminderAfter + ")");
		}
	}

}
