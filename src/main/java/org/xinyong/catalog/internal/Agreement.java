package org.xinyong.catalog.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A registered agreement under which a collector (非公共信用信息归集单位) provides the items it names (art. 29),
 * valid from {@code validFrom} to {@code validTo} inclusive, unless terminated earlier ({@code terminatedOn} is the
 * first day on which it no longer applies).
 */
public record Agreement(long id, long organisationId, String agreementNumber, LocalDate validFrom, LocalDate validTo,
		List<String> itemCodes, String note, Instant registeredAt, String registeredBy, LocalDate terminatedOn,
		Instant terminatedAt, String terminatedBy, String terminationReason) {

	public Agreement {
		itemCodes = List.copyOf(itemCodes);
	}

	/** The first day on which the agreement no longer applies. */
	public LocalDate endsOn() {
		LocalDate expiry = validTo.plusDays(1);
		return terminatedOn != null && terminatedOn.isBefore(expiry) ? terminatedOn : expiry;
	}

	public boolean validOn(LocalDate date) {
		return !date.isBefore(validFrom) && date.isBefore(endsOn());
	}

	public boolean covers(String itemCode) {
		return itemCodes.contains(itemCode);
	}
}
