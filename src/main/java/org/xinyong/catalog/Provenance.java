package org.xinyong.catalog;

/**
 * Where an item's definition comes from: {@code verified} with the source that was read, or unverified (the
 * official table was not available; operators import the official edition to replace it).
 */
public record Provenance(boolean verified, String source) {

	public static Provenance unverified(String note) {
		return new Provenance(false, note);
	}
}
