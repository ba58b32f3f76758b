package be.persocontact.gateway.intake.mail;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
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

	/**
	 * The lock's own small pool on the gateway's database, failing fast: a leader cut from the database
	 * must notice within a heartbeat, not after the main pool's 30 s wait for a connection, and give the
	 * mailbox up (another instance takes the expired lock meanwhile).
	 */
	@Bean
	LockPool pollerLockPool(DataSourceProperties properties, LeaderSettings settings) {
		HikariDataSource dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		dataSource.setPoolName("leader-lock");
		dataSource.setMaximumPoolSize(2);
		dataSource.setMinimumIdle(1);
		long wait = Math.max(250, settings.heartbeat().toMillis());
		dataSource.setConnectionTimeout(wait);
		dataSource.setValidationTimeout(Math.max(250, wait / 2));
		// a statement that hangs (a network that drops packets) ends well before the lock would expire
		dataSource.addDataSourceProperty("socketTimeout", String.valueOf(settings.lockTtl().toMillis() / 2));
		return new LockPool(dataSource);
	}

	@Bean
	DefaultLockRepository pollerLockRepository(LockPool pollerLockPool) {
		DefaultLockRepository repository = new DefaultLockRepository(pollerLockPool.dataSource());
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
	 * Holds the lock's pool without making it a {@code DataSource} bean (which would replace the gateway's
	 * own), and closes it with the context.
	 */
	record LockPool(HikariDataSource dataSource) implements org.springframework.beans.factory.DisposableBean {

		@Override
		public void destroy() {
			this.dataSource.close();
		}

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
