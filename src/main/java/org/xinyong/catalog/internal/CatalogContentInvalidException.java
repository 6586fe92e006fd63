package org.xinyong.catalog.internal;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.xinyong.platform.DomainException;

/**
 * A catalog file or an item definition breaks a rule. The stable code is {@code CATALOG_FILE_INVALID} for files
 * and {@code CATALOG_ITEM_INVALID} for single items; {@link #reason()} names the rule (bundle key
 * {@code catalog.invalid.<REASON>}) and {@link #path()} where in the document it was broken.
 */
public class CatalogContentInvalidException extends DomainException {

	public static final String FILE = "CATALOG_FILE_INVALID";
	public static final String ITEM = "CATALOG_ITEM_INVALID";

	private final Reason reason;
	private final String path;

	/** The rules a catalog document can break; names are stable. */
	public enum Reason {
		EMPTY, TOO_LARGE, NOT_UTF8, MALFORMED_JSON, NOT_AN_OBJECT, FORMAT_UNKNOWN, CATALOG_INVALID, MISSING,
		NOT_TEXT, NOT_A_LIST, NOT_AN_OBJECT_VALUE, VALUE_UNKNOWN, CODE_INVALID, DUPLICATE, CATEGORIES_INCOMPLETE,
		SUBJECT_CODE_FIELD_COUNT, FIELD_UNKNOWN, FIELD_TYPE_WRONG, ENUM_WITHOUT_VALUES, NUMBER_INVALID, DATE_INVALID,
		ITEMS_EMPTY, KEY_UNKNOWN
	}

	public CatalogContentInvalidException(String code, Reason reason, String path, Object... details) {
		super(code, HttpStatus.UNPROCESSABLE_ENTITY, new DefaultMessageSourceResolvable(
				new String[] { "catalog.invalid." + reason.name() }, concat(path, details), reason.name()));
		this.reason = reason;
		this.path = path;
	}

	public Reason reason() {
		return reason;
	}

	/** Where the rule was broken, e.g. {@code items[3].fields[2].type}; empty for the document as a whole. */
	public String path() {
		return path;
	}

	private static Object[] concat(String path, Object[] details) {
		Object[] all = new Object[details.length + 1];
		all[0] = path == null || path.isEmpty() ? "/" : path;
		for (int i = 0; i < details.length; i++) {
			all[i + 1] = String.valueOf(details[i]);
		}
		return all;
	}
}
