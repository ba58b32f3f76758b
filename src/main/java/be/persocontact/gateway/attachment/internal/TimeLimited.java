package be.persocontact.gateway.attachment.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import be.persocontact.gateway.attachment.RefusalReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every extraction on a small, bounded pool of worker threads and gives up at the time limit.
 * The caller (a mail's transaction) always gets an answer in time; a parser that ignores the
 * interrupt keeps its worker busy, which is logged, and a replacement worker is started so that one
 * hostile file cannot stop all reading. See ADR 0004 for why this is a thread, not a process.
 */
final class TimeLimited implements TextExtractor, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(TimeLimited.class);

	private final TextExtractor delegate;

	private final Duration timeout;

	private final ThreadPoolExecutor workers;

	private final int baseWorkers;

	private final AtomicInteger stuck = new AtomicInteger();

	TimeLimited(TextExtractor delegate, Duration timeout, int workers) {
		this.delegate = delegate;
		this.timeout = timeout;
		this.baseWorkers = workers;
		AtomicInteger counter = new AtomicInteger();
		// an unbounded queue would hide overload; the bound makes a flood of attachments wait in
		// the intake (and be retried) instead of piling up in memory
		this.workers = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(workers * 16), runnable -> {
					Thread thread = new Thread(runnable, "attachment-parser-" + counter.incrementAndGet());
					thread.setDaemon(true);
					thread.setPriority(Thread.NORM_PRIORITY - 1);
					return thread;
				});
		this.workers.allowCoreThreadTimeOut(true);
	}

	@Override
	public ExtractedContent extract(byte[] content, String detectedType) throws ExtractionRefused {
		Task task = new Task(content, detectedType);
		Future<ExtractedContent> future = this.workers.submit(task);
		try {
			return future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			log.warn("Reading a {} file of {} bytes exceeded {}; refused as PARSE_TIMEOUT", detectedType,
					content.length, this.timeout);
			task.abandon();
			throw new ExtractionRefused(RefusalReason.PARSE_TIMEOUT, "time limit " + this.timeout, ex);
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading an attachment", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof ExtractionRefused refused) {
				throw refused;
			}
			if (ex.getCause() instanceof OutOfMemoryError || ex.getCause() instanceof StackOverflowError) {
				// the worker's own allocations are garbage now; the gateway carries on
				log.error("A parser ran out of memory or stack on a {} file of {} bytes", detectedType, content.length);
			}
			throw new ExtractionRefused(RefusalReason.UNREADABLE, String.valueOf(ex.getCause()), ex.getCause());
		}
	}

	int stuckWorkers() {
		return this.stuck.get();
	}

	/**
	 * A worker stuck in a parser that ignores interrupts must not shrink the pool for good: while it
	 * is stuck a replacement runs beside it, up to three times the configured workers.
	 */
	private synchronized void resize(int delta) {
		int stuckNow = this.stuck.addAndGet(delta);
		int size = this.baseWorkers + Math.min(stuckNow, this.baseWorkers * 2);
		if (size > this.workers.getMaximumPoolSize()) {
			this.workers.setMaximumPoolSize(size);
			this.workers.setCorePoolSize(size);
		}
		else {
			this.workers.setCorePoolSize(size);
			this.workers.setMaximumPoolSize(size);
		}
		if (delta > 0 && stuckNow > this.baseWorkers * 2) {
			log.error("{} attachment parsers are stuck and ignore interrupts; restart the gateway", stuckNow);
		}
	}

	private final class Task implements java.util.concurrent.Callable<ExtractedContent> {

		private final byte[] content;

		private final String type;

		private boolean started;

		private boolean finished;

		private boolean abandoned;

		Task(byte[] content, String type) {
			this.content = content;
			this.type = type;
		}

		@Override
		public ExtractedContent call() throws ExtractionRefused {
			synchronized (this) {
				this.started = true;
			}
			try {
				return TimeLimited.this.delegate.extract(this.content, this.type);
			}
			finally {
				boolean wasAbandoned;
				synchronized (this) {
					this.finished = true;
					wasAbandoned = this.abandoned;
				}
				if (wasAbandoned) {
					resize(-1);
				}
			}
		}

		/** Called after the time limit: counts the worker as stuck until its parser really returns. */
		void abandon() {
			synchronized (this) {
				if (!this.started || this.finished) {
					return; // still queued (now cancelled) or already done: no worker is stuck
				}
				this.abandoned = true;
			}
			resize(+1);
		}

	}

	@Override
	public void close() {
		this.workers.shutdownNow();
	}

}
