package org.xinyong.measures;

/** The lifecycle of a supplementary list (art. 45): draft, public consultation, approval, publication, filing. */
public enum SupplementaryStatus {
	DRAFT, CONSULTATION, APPROVED, PUBLISHED,
	/** 备案: a city list, once published, filed with the region's development and reform department. */
	FILED
}
