package be.persocontact.gateway.intake;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Three employees send a 20 MB scan at the same moment, a fourth a short question. The three large mails
 * are processed one after the other, each holding its bytes, files and text in the heap; the short
 * question does not wait for them. Without the rule the three would be in the heap side by side, where
 * the shipped 320 MB heap holds one (docs/benchmarks.md, run 9).
 */
class LargeMailProcessingUnitTests {

	private static final long MB = 1024 * 1024;

	@Test
	void largeMailsAreProcessedOneAtATimeWhileSmallOnesGoOnBesideThem() {
		RecordedMailClaims claims = mock(RecordedMailClaims.class);
		MailIntake intake = mock(MailIntake.class);
		List<RecordedMailClaims.Claimed> claimed = List.of(new RecordedMailClaims.Claimed(1, "a@example.org", 20 * MB, null),
				new RecordedMailClaims.Claimed(2, "b@example.org", 20 * MB, null),
				new RecordedMailClaims.Claimed(3, "c@example.org", 20 * MB, null),
				new RecordedMailClaims.Claimed(4, "d@example.org", 3_000, null));
		when(claims.claim(anyString(), anyInt(), any(), any()))
			.thenReturn(new RecordedMailClaims.Round(claimed, Map.of()), RecordedMailClaims.Round.NONE);
		AtomicInteger largeAtOnce = new AtomicInteger();
		AtomicInteger mostLargeAtOnce = new AtomicInteger();
		Map<Long, long[]> ran = new ConcurrentHashMap<>();
		doAnswer(call -> {
			long id = call.getArgument(0);
			boolean large = id != 4;
			long start = System.nanoTime();
			if (large) {
				mostLargeAtOnce.accumulateAndGet(largeAtOnce.incrementAndGet(), Math::max);
			}
			Thread.sleep(300);
			if (large) {
				largeAtOnce.decrementAndGet();
			}
			ran.put(id, new long[] { start, System.nanoTime() });
			return Outcome.TICKET_CREATED;
		}).when(intake).processClaimed(anyLong(), any());

		IntakeProcessingSettings settings = new IntakeProcessingSettings(Duration.ofMinutes(5), Duration.ofMillis(100),
				Duration.ofSeconds(2), 4, 5, DataSize.ofMegabytes(5));
		RecordedMailProcessor processor = new RecordedMailProcessor(intake, claims, settings, new LargeMails(settings));
		processor.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> ran.keySet().equals(Set.of(1L, 2L, 3L, 4L)));
		}
		finally {
			processor.stop();
		}

		assertThat(mostLargeAtOnce).as("large mails in work at the same time").hasValue(1);
		long lastLargeStarted = Math.max(ran.get(1L)[0], Math.max(ran.get(2L)[0], ran.get(3L)[0]));
		assertThat(ran.get(4L)[1]).as("the short question finished before the last scan started").isLessThan(lastLargeStarted);
	}

}
