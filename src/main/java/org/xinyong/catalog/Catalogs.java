package org.xinyong.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The catalog as ingestion, disclosure and the website use it. */
public interface Catalogs {

	/** The item with this code in the catalogs in force (latest published version that contains it). */
	Optional<PublishedItem> publishedItem(String itemCode);

	/** All items of all catalogs in force, national base first. */
	List<PublishedItem> publishedItems();

	/**
	 * Whether the organisation may provide records of the item on the given date: a provider responsible for the
	 * item, a collector with a valid agreement covering it (non-public items), or the demo system's organisation.
	 */
	ProvisionDecision mayProvide(long organisationId, String itemCode, LocalDate on);
}
