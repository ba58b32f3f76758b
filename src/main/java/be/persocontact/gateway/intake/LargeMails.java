package be.persocontact.gateway.intake;

import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;

/**
 * One large mail in memory at a time on an instance: read from the mailbox and recorded, or processed
 * (read from the database, parsed, its files inspected and stored). Each of these holds the mail and a
 * copy or two of it in the heap for a moment, and two such mails side by side do not fit in the shipped
 * heap (three 25 MB scans sent together ran out of memory; docs/benchmarks.md, runs 10 and 11). Small
 * mails never wait here. Larger than {@code gateway.intake.processing.large-mail} (5 MB) is large; so is
 * a mail of unknown size.
 */
@Component
public class LargeMails {

	private final Semaphore inMemory = new Semaphore(1, true);

	private final long threshold;

	public LargeMails(IntakeProcessingSettings settings) {
		this.threshold = settings.largeMail().toBytes();
	}

	public boolean isLarge(long size) {
		return size < 0 || size > this.threshold;
	}

	/**
	 * Waits, for a large mail, until no other large mail is in memory here; close the permit when the
	 * mail's bytes are let go.
	 */
	public Permit enter(long size) {
		if (!isLarge(size)) {
			return () -> {
			};
		}
		try {
			this.inMemory.acquire();
		}
		catch (InterruptedException stopping) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Stopped while a large mail waited for the one before it", stopping);
		}
		return this.inMemory::release;
	}

	/** Held while a large mail is in memory. */
	public interface Permit extends AutoCloseable {

		@Override
		void close();

	}

}
