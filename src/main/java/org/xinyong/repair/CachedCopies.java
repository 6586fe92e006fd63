package org.xinyong.repair;

import java.util.List;
import java.util.UUID;

/**
 * A module that keeps copies of a subject's information made before a change (art. 57: e.g. issued credit
 * reports). Propagation asks it who holds copies and tells each holder of a later correction or repair. Implemented by
 * the holding module, so that repair does not depend on it.
 */
public interface CachedCopies {

	/** The copies made so far about the subject (e.g. report numbers), each a consumer of its own. */
	List<String> holdersAbout(String subjectCode);

	/** Tells one copy that a later change affected it; called again with the same key, it changes nothing. */
	void noteLaterChange(String holder, UUID recordId, String event, String idempotencyKey);
}
