package be.persocontact.gateway.intake.mail;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * The engine of the pollers' leader election: Spring Integration's {@link JdbcLockRegistry} on the
 * gateway's own database (table {@code INT_LOCK}, Flyway V70), used by one
 * {@link org.springframework.integration.support.leader.LockRegistryLeaderInitiator} per mailbox
 * ({@link MailboxPollers}).
 */
@Configuration(proxyBeanMethods = false)
class LeaderElectionConfiguration {

	@Bean
	DefaultLockRepository pollerLockRepository(DataSource dataSource) {
		DefaultLockRepository repository = new DefaultLockRepository(dataSource);
		repository.setRegion("gateway");
		return repository;
	}

	@Bean
	LockRegistry<Lock> pollerLocks(DefaultLockRepository pollerLockRepository, LeaderSettings settings) {
		JdbcLockRegistry registry = new JdbcLockRegistry(pollerLockRepository, settings.lockTtl());
		registry.setIdleBetweenTries(settings.retry());
		return new ReleaseNeverThrows(registry);
	}

	/**
	 * A lock whose release cannot fail. {@code JdbcLock.unlock()} throws when the database is away or the
	 * lock expired into another instance's hands; thrown inside the leader initiator's own error handling it
	 * would end its election thread before it revokes leadership, and the route would go on polling. Locally
	 * the lock is released all the same, and in the database it expires.
	 */
	private record ReleaseNeverThrows(JdbcLockRegistry registry) implements LockRegistry<Lock> {

		private static final Logger log = LoggerFactory.getLogger(LeaderElectionConfiguration.class);

		@Override
		public Lock obtain(Object key) {
			Lock lock = this.registry.obtain(key);
			return new Lock() {

				@Override
				public void lock() {
					lock.lock();
				}

				@Override
				public void lockInterruptibly() throws InterruptedException {
					lock.lockInterruptibly();
				}

				@Override
				public boolean tryLock() {
					return lock.tryLock();
				}

				@Override
				public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
					return lock.tryLock(time, unit);
				}

				@Override
				public void unlock() {
					try {
						lock.unlock();
					}
					catch (RuntimeException lost) {
						log.warn("Leader lock {} could not be released in the database ({}); it expires there",
								key, lost.toString());
					}
				}

				@Override
				public Condition newCondition() {
					return lock.newCondition();
				}

			};
		}

	}

}
