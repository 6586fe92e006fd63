package org.xinyong.ingest;

import java.time.LocalDate;
import java.util.List;

/** How timely, complete and accurate each provider's submissions are (art. 28). */
public interface ProviderAccountability {

	/**
	 * Figures per providing organisation over versions recorded from {@code from} to {@code to} (inclusive).
	 *
	 * @param medianDelayDays  median days from the decision date to recording, for first versions with a decision date
	 * @param withinSevenDays  share (0–1) of those first versions recorded within 7 days of the decision
	 */
	record ProviderFigures(long organisationId, long submissions, long rowsAccepted, long rowsRejected,
			long recordsCreated, long changes, long corrections, long revocations, Double medianDelayDays,
			Double withinSevenDays) {

		public double rejectionRate() {
			long total = rowsAccepted + rowsRejected;
			return total == 0 ? 0 : (double) rowsRejected / total;
		}
	}

	List<ProviderFigures> figures(LocalDate from, LocalDate to);
}
