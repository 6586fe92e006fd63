package org.xinyong.ingest;

import java.util.List;
import java.util.UUID;

/**
 * A credit record with its whole history. The current version is the last; a revoked record's current version
 * has kind {@link VersionKind#REVOKED}.
 *
 * @param providerId the organisation that provided it
 */
public record CreditRecord(UUID id, String catalogItem, long providerId, long subjectId, List<RecordVersion> versions) {

	public CreditRecord {
		versions = List.copyOf(versions);
	}

	public RecordVersion current() {
		return versions.get(versions.size() - 1);
	}

	public boolean revoked() {
		return current().kind() == VersionKind.REVOKED;
	}
}
