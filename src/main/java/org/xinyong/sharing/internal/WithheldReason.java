package org.xinyong.sharing.internal;

/** Why an item's records were not given to the organisation that asked. */
public enum WithheldReason {
	/** The item's sharing level is 不予共享. */
	NOT_SHAREABLE,
	/** The organisation holds no grant in force for the item. */
	NO_GRANT,
	/** The organisation's grants for the item do not cover the stated purpose. */
	PURPOSE_NOT_COVERED,
	/** A conditionally shared item, but the grant states no lawful basis. */
	LAWFUL_BASIS_MISSING,
	/** A natural person's non-public item: needs a statutory basis or the person's authorisation (art. 51). */
	AUTHORISATION_REQUIRED,
	/** The subject has records of an item that is no longer in the catalogs in force. */
	ITEM_NOT_IN_FORCE;

	public String messageKey() {
		return "sharing.withheld." + name();
	}
}
