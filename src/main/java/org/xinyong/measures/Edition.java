package org.xinyong.measures;

import java.time.Instant;

/** A version of the national base list: the shipped one or an imported official edition. Old ones are kept. */
public record Edition(long id, String label, String source, String format, int entries, String importedBy,
		Instant importedAt) {
}
