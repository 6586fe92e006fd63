package org.xinyong.ingest;

import java.util.List;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Published once per committed batch of accepted record versions (one event carries every version written in
 * that transaction, so that consumers — ledger, disclosure, lists, evaluation — can work in bulk too).
 *
 * @param submissionId the submission the versions came through, or null for corrections and revocations made
 *                     outside a submission
 */
@JsonSerialize(using = CreditRecordsChangedJson.Serializer.class)
@JsonDeserialize(using = CreditRecordsChangedJson.Deserializer.class)
public record CreditRecordsChanged(Long submissionId, List<RecordVersionRef> versions) {

	public CreditRecordsChanged {
		versions = CompactVersions.of(versions); // an immutable copy, in columns
	}
}
