package be.persocontact.gateway.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The retention in force and what the purge did, for operators. */
@Service
public class RetentionOverview {

	private final PrivacySettings settings;

	private final RetentionClaim claim;

	private final RetentionRecords records;

	private final long periodMillis;

	RetentionOverview(PrivacySettings settings, RetentionClaim claim, RetentionRecords records,
			@Value("${gateway.privacy.purge-period:600000}") long periodMillis) {
		this.settings = settings;
		this.claim = claim;
		this.records = records;
		this.periodMillis = periodMillis;
	}

	/** Each kind's period, the last run, and when the next one is due at the latest. */
	@Transactional(readOnly = true)
	public Overview overview() {
		Map<String, String> periods = new LinkedHashMap<>();
		for (PurgedData kind : PurgedData.values()) {
			periods.put(kind.code(), kind.period(this.settings.retention()).toString());
		}
		RetentionClaim.State state = this.claim.state();
		Instant next = state.lastRunAt() == null ? null : state.lastRunAt().plusMillis(this.periodMillis);
		return new Overview(periods, this.settings.keepTicketShells(), this.periodMillis, state.lastRunAt(),
				state.lastRunBy(), state.lastRun(), next, state.claimedBy(), state.claimedUntil());
	}

	/** What the purge did to one ticket (and what it will do: rows without {@code purgedAt}), or lately. */
	@Transactional(readOnly = true)
	public List<RetentionRecords.Record> records(String ticketNumber, int limit) {
		return this.records.find(ticketNumber, limit);
	}

	/**
	 * @param periods each kind of data and how long it is kept (ISO-8601)
	 * @param nextRunAt when the next run is due (the last run plus the purge period); null before the first
	 * @param runningOn the instance running a purge now, null when none is
	 */
	public record Overview(Map<String, String> periods, boolean keepTicketShellsOnErasure, long purgePeriodMillis,
			Instant lastRunAt, String lastRunBy, String lastRun, Instant nextRunAt, String runningOn,
			Instant runningUntil) {
	}

}
