package org.xinyong.sharing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.xinyong.sharing.SharingPurpose;

/**
 * A natural person's authorisation, as recorded by the platform from the document the person signed: the
 * organisation may receive the items named (or all) for the purpose, from {@code validFrom} to {@code validUntil}
 * inclusive, unless withdrawn.
 */
public record Authorisation(long id, long subjectId, String subjectCode, long organisationId, boolean allItems,
		Set<String> itemCodes, SharingPurpose purpose, LocalDate validFrom, LocalDate validUntil,
		String documentReference, String recordedBy, Instant recordedAt, Withdrawal withdrawal) {

	public Authorisation {
		itemCodes = Set.copyOf(itemCodes);
	}

	public boolean withdrawn() {
		return withdrawal != null;
	}

	public boolean validOn(LocalDate day) {
		return !withdrawn() && !day.isBefore(validFrom) && !day.isAfter(validUntil);
	}

	public boolean covers(String itemCode, SharingPurpose purpose) {
		return this.purpose == purpose && (allItems || itemCodes.contains(itemCode));
	}
}
