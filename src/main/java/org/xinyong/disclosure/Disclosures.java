package org.xinyong.disclosure;

import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.xinyong.catalog.Openness;

/**
 * Decides whether a record version is shown on the credit website on a given day. One implementation serves the
 * pages and the public API.
 */
@Service
public class Disclosures {

	private final DisclosurePolicy policy;

	Disclosures(DisclosurePolicy policy) {
		this.policy = policy;
	}

	/**
	 * @param openness     the catalog item's openness: only {@code PUBLIC} items are disclosed
	 * @param revoked      a revoked record leaves public view (its history stays for staff)
	 * @param decisionDate the record's decision date, or null when its item has none
	 */
	public boolean disclosedOn(String itemCode, Openness openness, boolean revoked, String severity,
			LocalDate decisionDate, LocalDate day) {
		if (openness != Openness.PUBLIC || revoked) {
			return false;
		}
		if (decisionDate == null) {
			return true;
		}
		return policy.window(itemCode, severity, decisionDate).covers(day);
	}
}
