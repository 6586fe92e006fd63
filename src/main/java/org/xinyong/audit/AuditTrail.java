package org.xinyong.audit;

import java.util.List;
import java.util.function.Consumer;

/** Reading the audit log: auditors' searches and exports, and a subject's "who looked at my data" (art. 50). */
public interface AuditTrail {

	/** One page (0-based) of matching entries, newest first, with personal numbers masked. */
	Page search(AuditQuery query, int page, int size);

	/** Streams every matching entry, newest first, masked, to {@code sink}. */
	void export(AuditQuery query, Consumer<AuditEvent> sink);

	/** The entry unmasked — callers must record why they looked. */
	AuditEvent reveal(long id);

	/** Reads of non-public data about a subject (who, organisation, when, purpose), newest first. */
	List<AuditEvent> readsAbout(String subjectRef);

	record Page(List<AuditEvent> items, long total, int page, int size) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}
}
