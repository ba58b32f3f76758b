package be.persocontact.gateway.intake.mail;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Leader election of the mailbox pollers ({@code gateway.intake.leader.*}): one instance polls a mailbox,
 * holding the lock {@code mailbox-poller:<mailbox id>} in the database, renewed every {@code heartbeat}.
 * When the leader dies or loses the database its lock expires {@code lockTtl} after its last renewal, and
 * another instance takes over within {@code lockTtl + retry} (defaults: at most 10.5 s).
 *
 * @param lockTtl how long a lock lives without renewal
 * @param heartbeat how often the leader renews it (at most a third of {@code lockTtl})
 * @param retry how often another instance tries to take the lock
 */
@Validated
@ConfigurationProperties("gateway.intake.leader")
public record LeaderSettings(@DefaultValue("PT10S") @NotNull Duration lockTtl,
		@DefaultValue("PT2S") @NotNull Duration heartbeat, @DefaultValue("PT0.5S") @NotNull Duration retry) {

	public LeaderSettings {
		if (heartbeat.isZero() || heartbeat.isNegative() || heartbeat.multipliedBy(3).compareTo(lockTtl) > 0) {
			throw new IllegalArgumentException("gateway.intake.leader.heartbeat (" + heartbeat
					+ ") must be positive and at most a third of gateway.intake.leader.lock-ttl (" + lockTtl + ")");
		}
		if (retry.isZero() || retry.isNegative() || retry.compareTo(heartbeat) > 0) {
			throw new IllegalArgumentException("gateway.intake.leader.retry (" + retry
					+ ") must be positive and at most gateway.intake.leader.heartbeat (" + heartbeat + ")");
		}
	}

	/** The longest a mailbox goes unpolled after its leader died or lost the database. */
	public Duration takeoverBound() {
		return this.lockTtl.plus(this.retry);
	}

}
