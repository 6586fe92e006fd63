package org.xinyong.catalog;

/**
 * Where a catalog version stands. Supplementary versions move DRAFT → CONSULTATION → APPROVED → PUBLISHED
 * (CONSULTATION may go back to DRAFT for revision; any unpublished version may be ABANDONED). Editions of the
 * national base catalog are PUBLISHED when loaded. The latest PUBLISHED version of a catalog is in force; earlier
 * published versions are kept and remain valid references for the records validated against them.
 */
public enum VersionStatus {
	/** 草案: items may be added, changed and removed. */
	DRAFT,
	/** 公开征求意见: comments are recorded. */
	CONSULTATION,
	/** 已报本级人民政府同意. */
	APPROVED,
	/** 已向社会公布. */
	PUBLISHED,
	/** 已放弃: never published, kept for the record. */
	ABANDONED
}
