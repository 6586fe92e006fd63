package org.xinyong.catalog;

/** Facts about the items' spreadsheet templates that ingestion needs to read filled-in templates back. */
public final class Templates {

	/**
	 * The made-up subject code of the template's example row (row 3). A row still carrying it is the example, not
	 * data, and ingestion refuses it rather than create a record about a fictitious subject.
	 */
	public static final String EXAMPLE_SUBJECT_CODE = "91640100MA7D2C6M3Q";

	private Templates() {
	}
}
