package org.xinyong.catalog;

import java.util.List;
import java.util.Optional;

/** Every kept catalog version, for modules that must read an item as it was when a record was validated. */
public interface CatalogArchive {

	/** The item as defined in the given published catalog version (whether or not that version is still in force). */
	Optional<PublishedItem> itemOfVersion(long catalogVersionId, String itemCode);

	/** The information categories as named by the national base catalog in force, by number. */
	List<CategoryInfo> categories();
}
