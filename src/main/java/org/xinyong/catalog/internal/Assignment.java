package org.xinyong.catalog.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An organisation assigned to provide an item (公共信用信息提供单位, art. 24, 28), from {@code validFrom}; ending it
 * records {@code endedOn}, the first day on which it no longer applies.
 */
public record Assignment(long id, long organisationId, String itemCode, LocalDate validFrom, String note,
		Instant assignedAt, String assignedBy, LocalDate endedOn, Instant endedAt, String endedBy, String endReason) {

	public boolean appliesOn(LocalDate date) {
		return !date.isBefore(validFrom) && (endedOn == null || date.isBefore(endedOn));
	}

	public boolean ended() {
		return endedOn != null;
	}
}
