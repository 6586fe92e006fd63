package org.xinyong.lists;

/**
 * Published inside the inclusion's transaction when a subject enters the serious-dishonesty list; the reward list
 * lets the subject's reward entries lapse in the same transaction.
 */
public record SeriousEntryIncluded(long entryId, long subjectId, String documentNumber) {
}
