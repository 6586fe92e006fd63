package org.xinyong.lists;

/** The five categories of serious dishonesty of art. 43. */
public enum DishonestyCategory {
	/** (一) endangering health and life. */
	HEALTH_AND_SAFETY,
	/** (二) seriously disrupting fair competition and social order. */
	MARKET_AND_SOCIAL_ORDER,
	/** (三) refusing legal obligations after a judgment or decision. */
	REFUSING_OBLIGATIONS,
	/** (四) refusing national-defence obligations. */
	NATIONAL_DEFENCE,
	/** (五) other acts named by laws, regulations, rules or State Council policy. */
	OTHER_STATUTORY
}
