package org.xinyong.report.web;

import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.xinyong.account.SubjectPrincipal;
import org.xinyong.report.CreditReport;
import org.xinyong.report.CreditReport.Audience;
import org.xinyong.report.Reports;
import org.xinyong.report.internal.PdfReportRenderer;
import org.xinyong.report.internal.ReportLinks;

/**
 * Credit reports: the public report of an organisation as PDF and HTML (free, no sign-in), the subject's own
 * report, and the public verification page.
 */
@Controller
class ReportController {

	private final Reports reports;
	private final PdfReportRenderer pdf;
	private final ReportLinks links;

	ReportController(Reports reports, PdfReportRenderer pdf, ReportLinks links) {
		this.reports = reports;
		this.pdf = pdf;
		this.links = links;
	}

	@GetMapping("/reports/subjects/{code}.pdf")
	@ResponseBody
	ResponseEntity<byte[]> publicPdf(@PathVariable String code, Locale locale) {
		return pdf(pdf, issue(code, Audience.PUBLIC, locale), locale);
	}

	@GetMapping("/reports/subjects/{code}.html")
	String publicHtml(@PathVariable String code, Model model, Locale locale) {
		return html(issue(code, Audience.PUBLIC, locale), model);
	}

	private String html(CreditReport report, Model model) {
		model.addAttribute("report", report);
		model.addAttribute("verifyUrl", links.verification(report.number()));
		return "report/report";
	}

	/** A signed-in subject's own full report (served under the account module's sign-in chain). */
	@GetMapping("/account/report.pdf")
	@ResponseBody
	ResponseEntity<byte[]> ownPdf(Locale locale) {
		return pdf(pdf, reports.issueOwn(me().subjectId(), locale), locale);
	}

	@GetMapping("/account/report.html")
	String ownHtml(Model model, Locale locale) {
		return html(reports.issueOwn(me().subjectId(), locale), model);
	}

	private static SubjectPrincipal me() {
		return SubjectPrincipal.current()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "not signed in as a subject"));
	}

	@GetMapping("/reports/verify")
	String verify(@RequestParam(required = false) String number, Model model) {
		model.addAttribute("number", number);
		if (number != null && !number.isBlank()) {
			model.addAttribute("checked", true);
			reports.verify(number).ifPresent(v -> {
				model.addAttribute("verification", v);
				model.addAttribute("laterChanges", reports.laterChanges(v.number()));
			});
		}
		return "report/verify";
	}

	private CreditReport issue(String code, Audience audience, Locale locale) {
		return reports.issuePublic(code, audience, locale)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "subject not found"));
	}

	static ResponseEntity<byte[]> pdf(PdfReportRenderer pdf, CreditReport report, Locale locale) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(report.number() + ".pdf").build().toString())
			.body(pdf.render(report, locale));
	}
}
