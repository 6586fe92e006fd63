package org.xinyong.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reading credit records, and the provider's corrections and revocations (art. 28, 53). */
public interface CreditRecords {

	Optional<CreditRecord> byId(UUID recordId);

	/** Every record of the subject, each with its full history, ordered by item and first recording. */
	List<CreditRecord> ofSubject(long subjectId);

	/**
	 * Corrects a record: a new version with the given values (validated against the item as published now) and
	 * the reason. The natural key cannot change (revoke and submit anew instead).
	 *
	 * @param organisationId the correcting organisation, which must be the record's provider
	 */
	RecordVersionRef correct(UUID recordId, Map<String, Object> values, String reason, long organisationId,
			String actor);

	/** Revokes a record: a new version marked revoked, with the reason. Its history stays. */
	RecordVersionRef revoke(UUID recordId, String reason, long organisationId, String actor);
}
