package org.xinyong.disclosure;

import java.time.LocalDate;

/** The dated disclosure policy: which period applies to a record. */
public interface DisclosurePolicy {

	/**
	 * @param itemCode     the catalog item (items without a rule have no period limit)
	 * @param severity     {@code MINOR}, {@code GENERAL}, {@code SERIOUS}, or null when the record states none
	 * @param decisionDate the decision date; the governing rules are those in force for decisions of that date
	 */
	DisclosureWindow window(String itemCode, String severity, LocalDate decisionDate);
}
