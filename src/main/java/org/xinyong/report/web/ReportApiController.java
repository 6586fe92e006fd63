package org.xinyong.report.web;

import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinyong.platform.OrganisationMember;
import org.xinyong.report.Reports;
import org.xinyong.report.internal.PdfReportRenderer;

import io.swagger.v3.oas.annotations.Operation;

/** The credit report for state bodies (refusals as problem+json). */
@RestController
class ReportApiController {

	private final Reports reports;
	private final PdfReportRenderer pdf;

	ReportApiController(Reports reports, PdfReportRenderer pdf) {
		this.reports = reports;
		this.pdf = pdf;
	}

	@GetMapping("/api/v1/reports/subjects/{code}.pdf")
	@PreAuthorize("hasAnyRole('DEPARTMENT_USER', 'DEPARTMENT_SYSTEM')")
	@Operation(summary = "国家机关查询版信用报告 / Credit report for a state body",
			description = "PDF with the records of the catalog items the caller's organisation holds a sharing grant "
					+ "for, for the stated purpose; the same parameters and refusals as /api/v1/sharing/subjects/{code} "
					+ "(purpose required; purposeText for OTHER). Issued, audited and verifiable like every report.")
	ResponseEntity<byte[]> stateBodyPdf(@PathVariable String code, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) String purposeText, Authentication authentication, Locale locale) {
		OrganisationMember member = authentication != null
				&& authentication.getPrincipal() instanceof OrganisationMember m ? m : null;
		return ReportController.pdf(pdf, reports.issueForStateBody(member, code, purpose, purposeText, locale), locale);
	}
}
