package org.xinyong.ingest;

import java.util.List;
import java.util.Map;

/**
 * A submission by API.
 *
 * @param organisationId the submitting organisation (provider, collector, or the subject itself)
 * @param actor          who submits (user name or {@code api-key:<prefix>})
 * @param records        field key → value (text, number or boolean) per record
 */
public record SubmitCommand(long organisationId, String organisationCode, String actor, String catalogItem,
		String submissionKey, List<Map<String, Object>> records) {
}
