package org.xinyong.report.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.xinyong.repair.CachedCopies;
import org.xinyong.report.Reports;

/** Issued reports are cached copies that later corrections and repairs are propagated to (art. 57). */
@Component
class IssuedReportCopies implements CachedCopies {

	private final Reports reports;

	IssuedReportCopies(Reports reports) {
		this.reports = reports;
	}

	@Override
	public List<String> holdersAbout(String subjectCode) {
		return reports.issuedAbout(subjectCode);
	}

	@Override
	public void noteLaterChange(String holder, UUID recordId, String event, String idempotencyKey) {
		reports.noteLaterChange(holder, recordId, event, idempotencyKey);
	}
}
