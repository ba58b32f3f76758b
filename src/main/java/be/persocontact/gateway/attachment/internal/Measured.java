package be.persocontact.gateway.attachment.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import be.persocontact.gateway.attachment.AttachmentReceipt;
import be.persocontact.gateway.attachment.RefusalReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What reading files costs and refuses, as operators watch it: {@code gateway.attachment.extraction}
 * (tag {@code outcome}: extracted or refused), the time the parser (Tika) itself took on a file the
 * allow-list let through, as a percentile histogram (a parse past the time limit is recorded when its
 * interrupted thread gives up); and {@code gateway.attachment.refusals} (tag {@code reason}),
 * the files refused for any reason of {@link RefusalReason}.
 */
final class Measured implements TextExtractor {

	private final TextExtractor delegate;

	private final Timer extracted;

	private final Timer refused;

	private final Map<RefusalReason, Counter> refusals = new EnumMap<>(RefusalReason.class);

	Measured(TextExtractor delegate, MeterRegistry registry) {
		this.delegate = delegate;
		this.extracted = timer(registry, "extracted");
		this.refused = timer(registry, "refused");
		for (RefusalReason reason : RefusalReason.values()) {
			this.refusals.put(reason, Counter.builder("gateway.attachment.refusals")
				.description("Attachments refused, by reason")
				.tag("reason", reason.name())
				.register(registry));
		}
	}

	private static Timer timer(MeterRegistry registry, String outcome) {
		return Timer.builder("gateway.attachment.extraction")
			.description("Time Tika spent reading an attachment's text")
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(2))
			.register(registry);
	}

	@Override
	public ExtractedContent extract(byte[] content, String detectedType) throws ExtractionRefused {
		long start = System.nanoTime();
		boolean done = false;
		try {
			ExtractedContent text = this.delegate.extract(content, detectedType);
			done = true;
			return text;
		}
		finally {
			(done ? this.extracted : this.refused).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	/** Counts the refusals among one message's inspected files. */
	void count(List<InspectedFile> files) {
		for (InspectedFile file : files) {
			AttachmentReceipt receipt = file.receipt();
			if (!receipt.accepted() && receipt.reason() != null) {
				this.refusals.get(receipt.reason()).increment();
			}
		}
	}

}
