package org.xinyong.evaluation;

import java.util.List;

/**
 * One line of a grade's explanation: the base score ({@code indicator = BASE}) or an indicator with the records that
 * moved it. A result's contributions add up exactly to its score.
 *
 * @param records     ids of the credit records counted (record ids of the ingestion module)
 * @param listEntries ids of the serious-dishonesty list entries counted
 */
public record Contribution(String indicator, int points, int count, List<String> records, List<Long> listEntries) {

	public static final String BASE = "BASE";

	public Contribution {
		records = records == null ? List.of() : List.copyOf(records);
		listEntries = listEntries == null ? List.of() : List.copyOf(listEntries);
	}
}
