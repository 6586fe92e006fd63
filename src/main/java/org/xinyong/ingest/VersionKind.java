package org.xinyong.ingest;

/** Why a record version exists. */
public enum VersionKind {
	/** The first version of a record. */
	CREATED,
	/** The provider submitted the record again with different content. */
	CHANGED,
	/** The provider (or the platform, e.g. after an upheld objection) corrected the record (art. 28, 53). */
	CORRECTED,
	/** The provider revoked the record; it leaves public view, its history stays. */
	REVOKED
}
