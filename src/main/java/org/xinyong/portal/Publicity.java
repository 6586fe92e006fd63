package org.xinyong.portal;

import java.util.Map;
import java.util.Optional;

/**
 * The browsable items of the website and their page names: the 双公示 licences and penalties, the lists, and any
 * other public item by its code. The type filter uses each item's type field.
 */
final class Publicity {

	static final Map<String, String> SLUGS = Map.of("licences", "ADMIN_LICENCE", "penalties", "ADMIN_PENALTY",
			"serious-dishonesty", "SERIOUS_DISHONESTY_LIST", "abnormal-operation", "ABNORMAL_OPERATION_LIST",
			"judgment-debtors", "DISHONEST_JUDGMENT_DEBTOR", "honours", "HONOUR");

	/** The field that holds an item's type (for the filter), if any. */
	static final Map<String, String> TYPE_FIELDS = Map.of("ADMIN_LICENCE", "licenceCategory", "ADMIN_PENALTY",
			"penaltyType");

	private Publicity() {
	}

	static String item(String slug) {
		return SLUGS.getOrDefault(slug, slug);
	}

	static String slug(String item) {
		return SLUGS.entrySet().stream().filter(e -> e.getValue().equals(item)).map(Map.Entry::getKey).findFirst()
			.orElse(item);
	}

	static Optional<String> typeField(String item) {
		return Optional.ofNullable(TYPE_FIELDS.get(item));
	}
}
