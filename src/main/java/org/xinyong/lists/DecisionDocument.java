package org.xinyong.lists;

import java.time.LocalDate;

/**
 * The decision document of an inclusion (art. 44): every field is required, the legal representative for legal
 * persons and unincorporated organisations.
 */
public record DecisionDocument(String subjectCode, String legalRepresentative, DishonestyCategory category,
		String reason, String basis, String measures, String removalConditions, String remedies,
		String documentNumber, String decidingOrganisation, LocalDate effectiveDate, LocalDate plannedEnd) {
}
