package org.xinyong.ingest;

import java.util.List;

/**
 * A broken rule in one row of a submission.
 *
 * @param row   1-based row number (the record's position in an API request; the line or sheet row in a file)
 * @param field the field key, or null when the rule concerns the whole row
 * @param code  stable rule code, e.g. {@code FIELD_REQUIRED}, {@code USCC_CHECK_CHARACTER}
 * @param args  arguments of the translated message ({@code error.<code>})
 */
public record RowError(long row, String field, String code, List<String> args) {

	public RowError {
		args = args == null ? List.of() : List.copyOf(args);
	}
}
