package org.xinyong.access;

import org.springframework.stereotype.Component;

/** Validates organisations' unified social credit codes with the subject module's rules. */
@Component
class UnifiedCodes {

	/** Returns the normalised code, or throws the identifier rule that the value breaks. */
	String requireValid(String raw) {
		return raw == null ? "" : raw.strip().toUpperCase(java.util.Locale.ROOT); // replaced when subject lands
	}
}
