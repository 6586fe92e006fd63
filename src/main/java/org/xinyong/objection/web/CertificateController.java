package org.xinyong.objection.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.xinyong.account.SubjectPrincipal;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.objection.Handler;
import org.xinyong.objection.Remedy;
import org.xinyong.objection.internal.Case;
import org.xinyong.objection.internal.Certificates;
import org.xinyong.objection.internal.Certificates.Certificate;
import org.xinyong.objection.internal.ObjectionService;
import org.xinyong.platform.DomainException;
import org.xinyong.subject.CreditSubjects;

/**
 * The certificate of an upheld objection (art. 54): a printable HTML document for the applicant (account pages) and
 * the staff who see the case, and the public page that confirms a certificate by its number.
 */
@Controller
class CertificateController {

	private final ObjectionService service;
	private final Certificates certificates;
	private final CreditSubjects subjects;
	private final CaseViews views;
	private final AuditLog audit;
	private final String baseUrl;

	CertificateController(ObjectionService service, Certificates certificates, CreditSubjects subjects, CaseViews views,
			AuditLog audit, @Value("${xinyong.report.public-url:http://localhost:8080}") String baseUrl) {
		this.service = service;
		this.certificates = certificates;
		this.subjects = subjects;
		this.views = views;
		this.audit = audit;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The applicant's certificate; {@code download} serves it as a file. */
	@GetMapping("/account/objections/{id}/certificate")
	String own(@PathVariable long id, @RequestParam(required = false) String download, Model model,
			HttpServletResponse response) {
		SubjectPrincipal me = SubjectPrincipal.current().orElseThrow(() -> new IllegalStateException("No subject"));
		return show(ObjectionApiController.own(service, id, me), me.getName(), null, download != null, model, response);
	}

	@GetMapping("/console/objections/{id}/certificate")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'REVIEWER', 'PROVIDER_OPERATOR', 'AUDITOR')")
	String staff(@PathVariable long id, @RequestParam(required = false) String download, Authentication auth,
			Model model, HttpServletResponse response) {
		Handler by = CaseViews.handler(auth);
		Case c = service.byId(id)
			.filter(x -> service.mayView(x, by))
			.orElseThrow(() -> DomainException.notFound("OBJECTION_UNKNOWN", id));
		return show(c, by.actor(), by.organisationId(), download != null, model, response);
	}

	/** Public: confirms that a certificate with this number was issued, with its date and content digest. */
	@GetMapping("/publicity/certificates/verify")
	String verify(@RequestParam(required = false) String number, Model model) {
		model.addAttribute("number", number);
		if (number != null && !number.isBlank()) {
			model.addAttribute("checked", true);
			certificates.byNumber(number).ifPresent(c -> model.addAttribute("certificate", c));
		}
		return "objection/certificate-verify";
	}

	private String show(Case c, String actor, Long organisationId, boolean download, Model model,
			HttpServletResponse response) {
		Certificate certificate = certificates.ofCase(c.id())
			.orElseThrow(() -> DomainException.notFound("OBJECTION_CERTIFICATE_UNKNOWN", c.id()));
		String code = subjects.byId(c.subjectId()).map(s -> s.code()).orElse(null);
		audit.record(AuditEntry.of("OBJECTION_CERTIFICATE_READ", AuditEntry.Outcome.SUCCESS,
				Map.of("objectionId", c.id(), "certificate", certificate.number()))
			.withActor(actor, organisationId, null)
			.aboutSubject(code, null));
		if (download) {
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"certificate-" + certificate.number() + ".html\"");
		}
		List<Remedy> actions = Arrays.stream(certificate.actions().split(","))
			.filter(s -> !s.isBlank())
			.map(Remedy::valueOf)
			.toList();
		model.addAttribute("certificate", certificate);
		model.addAttribute("c", c);
		model.addAttribute("subject", subjects.byId(c.subjectId()).orElseThrow());
		model.addAttribute("actions", actions);
		model.addAttribute("views", views);
		model.addAttribute("verifyUrl", baseUrl + "/publicity/certificates/verify?number="
				+ URLEncoder.encode(certificate.number(), StandardCharsets.UTF_8));
		return "objection/certificate";
	}
}
