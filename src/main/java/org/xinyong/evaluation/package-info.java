/**
 * Evaluation: the platform's public credit evaluation (公共信用综合评价, art. 38). A scoring model stored as versioned
 * data; periodic, set-based evaluation runs over all subjects with progress; per-subject grades whose explanation
 * (contributions with the records that moved them) adds up exactly to the score; sector departments'
 * graded-supervision results shown beside it. A grade never lists or punishes anyone by itself: lists and measures
 * are separate decisions by their own procedures. API for other modules: {@link Evaluations}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation")
package org.xinyong.evaluation;
