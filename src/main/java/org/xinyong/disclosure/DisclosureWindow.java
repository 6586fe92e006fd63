package org.xinyong.disclosure;

import java.time.LocalDate;

/**
 * The disclosure period of one record under the rules that governed its decision.
 *
 * @param disclosed    false when the rules say it is not disclosed at all (e.g. minor penalties since 2026-04-01)
 * @param regime       the governing rules' code (e.g. {@code NDRC-ORDER-36}), or {@code NONE} without a period rule
 * @param from         first day shown (the decision date)
 * @param minimumUntil first day on which repair (early end) may be applied for; null without a minimum
 * @param until        first day no longer shown (the automatic end); null without a maximum
 */
public record DisclosureWindow(boolean disclosed, String regime, LocalDate from, LocalDate minimumUntil,
		LocalDate until) {

	public static DisclosureWindow unlimited(LocalDate from) {
		return new DisclosureWindow(true, "NONE", from, null, null);
	}

	/** Whether the record is inside its window on {@code day}. */
	public boolean covers(LocalDate day) {
		return disclosed && (from == null || !day.isBefore(from)) && (until == null || day.isBefore(until));
	}

	/** Whether repair (early end of disclosure) may be applied for on {@code day}: the minimum period has passed. */
	public boolean minimumReached(LocalDate day) {
		return minimumUntil == null || !day.isBefore(minimumUntil);
	}
}
