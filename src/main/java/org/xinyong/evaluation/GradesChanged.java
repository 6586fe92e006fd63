package org.xinyong.evaluation;

/**
 * Published once per finished run: how many subjects' grades differ from the previous finished run (subjects
 * without a previous result count as changed). Listeners read the changed subjects with
 * {@link Evaluations#changedSubjects(long)}.
 */
public record GradesChanged(long runId, Long previousRunId, int modelVersion, long changed) {
}
