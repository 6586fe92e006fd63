package org.xinyong.sharing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.xinyong.sharing.SharingPurpose;

/**
 * A grant: the organisation may receive the item's records for the purposes named (or all), from
 * {@code validFrom} to {@code validUntil} inclusive (open-ended when null), unless withdrawn.
 *
 * @param statutoryBasis the lawful basis is a law or regulation, which lets natural persons' non-public records
 *                       be shared without their authorisation (art. 51)
 */
public record Grant(long id, long organisationId, String itemCode, boolean allPurposes, Set<SharingPurpose> purposes,
		String lawfulBasis, boolean statutoryBasis, LocalDate validFrom, LocalDate validUntil, String note,
		String grantedBy, Instant grantedAt, Withdrawal withdrawal) {

	public Grant {
		purposes = Set.copyOf(purposes);
	}

	public boolean withdrawn() {
		return withdrawal != null;
	}

	/** In force on the day: not withdrawn and within its period. */
	public boolean validOn(LocalDate day) {
		return !withdrawn() && !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
	}

	public boolean covers(SharingPurpose purpose) {
		return allPurposes || purposes.contains(purpose);
	}

	public boolean hasLawfulBasis() {
		return lawfulBasis != null && !lawfulBasis.isBlank();
	}
}
