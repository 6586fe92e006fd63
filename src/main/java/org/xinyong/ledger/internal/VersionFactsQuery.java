package org.xinyong.ledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Reads record versions as the ledger encodes them — the same query at append time and at verification. */
final class VersionFactsQuery {

	/** For verification: the payload's hash recomputed from the stored JSON text. */
	static final String SELECT = """
			select rv.record_id, rv.version_no, rv.kind, rv.catalog_item, rv.provider_id, rv.subject_id,
			       sha256(convert_to(rv.payload::text, 'UTF8')) as payload_hash, rv.catalog_version_id,
			       rv.submission_id, rv.agreement_id, rv.self_declared, rv.recorded_by, rv.recorded_at, rv.reason
			from record_version rv""";

	/**
	 * For appending, right after ingestion wrote the version: the hash ingestion computed over the same JSON text
	 * ({@code content_hash}), which spares PostgreSQL hashing every payload again. Verification recomputes it.
	 */
	static final String SELECT_FOR_APPEND = SELECT.replace(
			"sha256(convert_to(rv.payload::text, 'UTF8')) as payload_hash", "rv.content_hash as payload_hash");

	private VersionFactsQuery() {
	}

	/**
	 * The payload's hash is recomputed from the stored JSON text (json keeps the text exactly as written), so an
	 * edited payload changes the leaf even if {@code content_hash} was left as it was.
	 */
	static LeafEncoding.VersionFacts map(ResultSet rs) throws SQLException {
		long submission = rs.getLong("submission_id");
		Long submissionId = rs.wasNull() ? null : submission;
		long agreement = rs.getLong("agreement_id");
		Long agreementId = rs.wasNull() ? null : agreement;
		return new LeafEncoding.VersionFacts(rs.getObject("record_id", UUID.class), rs.getInt("version_no"),
				rs.getString("kind"), rs.getString("catalog_item"), rs.getLong("provider_id"), rs.getLong("subject_id"),
				rs.getBytes("payload_hash"), rs.getLong("catalog_version_id"), submissionId, agreementId,
				rs.getBoolean("self_declared"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
				rs.getString("reason"));
	}
}
