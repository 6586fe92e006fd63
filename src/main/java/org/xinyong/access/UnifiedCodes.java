package org.xinyong.access;

import org.springframework.stereotype.Component;
import org.xinyong.subject.UnifiedCode;

/** Validates organisations' unified social credit codes with the subject module's rules (GB 32100). */
@Component
class UnifiedCodes {

	/** Returns the normalised code, or throws the identifier rule that the value breaks (422 with its code). */
	String requireValid(String raw) {
		return UnifiedCode.of(raw == null ? "" : raw).value();
	}
}
