package org.xinyong.evaluation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A sector department's graded-supervision result (e.g. 纳税信用 A/B/M/C/D, 企业信用风险分类), loaded through ingestion as
 * the catalog item {@code CREDIT_EVALUATION} and shown beside the platform's grade.
 */
public record SectorResult(UUID recordId, String scheme, String name, String period, String grade,
		String gradeMeaning, LocalDate evaluatedOn, LocalDate validTo, String evaluator) {
}
