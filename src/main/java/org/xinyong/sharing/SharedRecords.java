package org.xinyong.sharing;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.xinyong.platform.OrganisationMember;
import org.xinyong.sharing.internal.SharingQueries;
import org.xinyong.subject.CreditSubject;

/**
 * What a state body may receive about a subject for a stated purpose, for other modules (the credit report for
 * state bodies). The same rules, refusals and audit entry ({@code SHARING_READ}) as the sharing API.
 */
@Service
public class SharedRecords {

	private final SharingQueries queries;

	SharedRecords(SharingQueries queries) {
		this.queries = queries;
	}

	/**
	 * The records the organisation may receive.
	 *
	 * @param recordIds     the records of granted items (their current versions are what may be shown)
	 * @param withheldItems catalog item codes withheld, each for a reason the sharing API names
	 */
	public record Shared(CreditSubject subject, SharingPurpose purpose, String purposeText, Set<UUID> recordIds,
			List<String> withheldItems) {
	}

	/**
	 * Answers a state body's query, refusing (problem codes {@code SHARING_*}, {@code ORGANISATION_REQUIRED}) as the
	 * sharing API does. Audited.
	 */
	public Shared query(OrganisationMember member, String subjectCode, String purposeCode, String purposeText) {
		SharingQueries.SharingAnswer a = queries.query(member, subjectCode, purposeCode, purposeText);
		Set<UUID> ids = a.items()
			.stream()
			.flatMap(i -> i.records().stream())
			.map(SharingQueries.SharedRecord::recordId)
			.collect(Collectors.toUnmodifiableSet());
		return new Shared(a.subject(), a.purpose(), a.purposeText(), ids,
				a.withheld().stream().map(SharingQueries.Withheld::itemCode).toList());
	}
}
