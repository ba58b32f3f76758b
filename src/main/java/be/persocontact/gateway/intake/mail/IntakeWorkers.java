package be.persocontact.gateway.intake.mail;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;

import be.persocontact.gateway.intake.Disposition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * A bounded pool of threads that record a batch's mails while the mail consumer's one thread reads the
 * next mails' bytes (processing them is {@link be.persocontact.gateway.intake.RecordedMailProcessor}'s). Only bytes cross
 * over: the IMAP folder is touched by the consumer's thread alone, which also waits for each mail's
 * own result before Camel completes its exchange, so a mail is flagged and moved only after its own
 * commit, as with one worker.
 * <p>
 * The mails of one sender run one after the other, in inbox order: a new ticket and a mail referring
 * to it, two mails counted against the same rate limit or the same once-a-day notice, never race.
 * <p>
 * With {@code gateway.intake.workers=1} there is no pool at all: the consumer's thread does the
 * intake itself, as it always did. All state of a batch is used by the consumer's thread only: one
 * per mailbox ({@link MailboxRoutes}), each mailbox having its own consumer thread.
 */
class IntakeWorkers implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(IntakeWorkers.class);

	/** Mails read ahead but not yet taken may hold this many bytes (one mail is always allowed). */
	private static final long READ_AHEAD_BYTES = 64L * 1024 * 1024;

	private final int workers;

	private final ExecutorService pool;

	/** A mail's result by its key (UIDVALIDITY:UID), until its exchange takes it. */
	private final Map<String, Pending> pending = new HashMap<>();

	/** The last mail handed over per sender in this batch: the next of that sender runs after it. */
	private final Map<String, CompletableFuture<?>> lanes = new HashMap<>();

	private long pendingBytes;

	IntakeWorkers(int workers) {
		if (workers < 1 || workers > 64) {
			throw new IllegalArgumentException("gateway.intake.workers must be 1 to 64, not " + workers);
		}
		this.workers = workers;
		this.pool = workers == 1 ? null : Executors.newFixedThreadPool(workers, new Named());
	}

	/** Whether the intake runs on the pool; with one worker, the consumer's thread does it. */
	boolean parallel() {
		return this.pool != null;
	}

	/** How many mails may be read ahead and handed over without being taken yet. */
	int window() {
		return 2 * this.workers;
	}

	/** Whether one more mail of this size may be read ahead. */
	boolean mayReadAhead(long size) {
		return this.pending.size() < window() && (this.pending.isEmpty() || this.pendingBytes + size <= READ_AHEAD_BYTES);
	}

	boolean isHandedOver(String key) {
		return this.pending.containsKey(key);
	}

	/** Starts the intake of a mail read ahead, after any earlier mail of its sender in this batch. */
	void handOver(String key, byte[] raw, Supplier<Disposition> intake) {
		String sender = senderOf(raw);
		CompletableFuture<?> before = this.lanes.get(sender);
		CompletableFuture<Disposition> result = (before == null ? CompletableFuture.completedFuture(null)
				: before.handle((ignored, failure) -> null))
			.thenApplyAsync(ignored -> intake.get(), this.pool);
		this.lanes.put(sender, result);
		this.pending.put(key, new Pending(result, raw.length));
		this.pendingBytes += raw.length;
	}

	/**
	 * Waits for the result of a mail handed over before, or returns null when it was not (then the
	 * caller does its intake itself, after {@link #drain()}). A failure is thrown as the intake threw it.
	 */
	Disposition take(String key) {
		Pending mail = this.pending.remove(key);
		if (mail == null) {
			return null;
		}
		this.pendingBytes -= mail.bytes();
		try {
			return mail.result().join();
		}
		catch (CompletionException failed) {
			if (failed.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (failed.getCause() instanceof Error error) {
				throw error;
			}
			throw failed;
		}
	}

	/**
	 * Waits for every mail handed over and forgets them: before the batch's moves, and before a mail is
	 * processed on the consumer's thread. A mail whose exchange never came is not moved; its intake is
	 * recorded, so the next poll absorbs it as a duplicate (or tries it again).
	 */
	void drain() {
		for (Iterator<Pending> mails = this.pending.values().iterator(); mails.hasNext();) {
			Pending mail = mails.next();
			try {
				mail.result().join();
			}
			catch (RuntimeException failed) {
				log.debug("A mail read ahead failed and stays in the inbox: {}", failed.toString());
			}
			mails.remove();
		}
		for (CompletableFuture<?> lane : this.lanes.values()) {
			lane.handle((ignored, failure) -> null).join();
		}
		this.pending.clear();
		this.lanes.clear();
		this.pendingBytes = 0;
	}

	/** The sender's address, lower case, from the header block only; mails without one share a lane. */
	static String senderOf(byte[] raw) {
		try {
			InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
			String from = headers.getHeader("From", ",");
			if (from != null) {
				InternetAddress[] addresses = InternetAddress.parseHeader(from, false);
				if (addresses.length > 0 && addresses[0].getAddress() != null) {
					return addresses[0].getAddress().strip().toLowerCase(Locale.ROOT);
				}
			}
		}
		catch (Exception unparseable) {
			// one lane for all of them: the intake decides what they are
		}
		return "";
	}

	@Override
	public void close() throws InterruptedException {
		if (this.pool != null) {
			this.pool.shutdown();
			if (!this.pool.awaitTermination(60, TimeUnit.SECONDS)) {
				this.pool.shutdownNow();
			}
		}
	}

	private record Pending(CompletableFuture<Disposition> result, long bytes) {
	}

	private static final class Named implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "intake-worker-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
