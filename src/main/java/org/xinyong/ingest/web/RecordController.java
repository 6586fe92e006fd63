package org.xinyong.ingest.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.ingest.CreditRecord;
import org.xinyong.ingest.CreditRecords;
import org.xinyong.ingest.RecordInvalidException;
import org.xinyong.ingest.RecordVersion;
import org.xinyong.ingest.RecordVersionRef;
import org.xinyong.ingest.VersionKind;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.OrganisationMember;
import org.xinyong.platform.web.Problems;
import org.xinyong.subject.CreditSubject;
import org.xinyong.subject.CreditSubjects;
import org.xinyong.subject.IdentifierCheck;
import org.xinyong.subject.Identifiers;

/** A subject's records with their history, and providers' corrections and revocations. */
@RestController
@Tag(name = "ingest", description = "信用信息归集 / Submitting credit records")
class RecordController {

	/** Roles that see every provider's records; others see their own organisation's. */
	private static final List<String> SEE_ALL = List.of("ROLE_PLATFORM_ADMIN", "ROLE_REVIEWER", "ROLE_AUDITOR");

	private final CreditRecords records;
	private final CreditSubjects subjects;
	private final AuditLog audit;
	private final Problems problems;
	private final MessageSource messages;

	RecordController(CreditRecords records, CreditSubjects subjects, AuditLog audit, Problems problems,
			MessageSource messages) {
		this.records = records;
		this.subjects = subjects;
		this.audit = audit;
		this.problems = problems;
		this.messages = messages;
	}

	record VersionView(int versionNo, VersionKind kind, Map<String, Object> values, LocalDate decisionDate,
			String severity, String reason, long catalogVersionId, Long submissionId, boolean selfDeclared,
			String recordedBy, Instant recordedAt) {
		static VersionView of(RecordVersion v) {
			return new VersionView(v.versionNo(), v.kind(), v.payload(), v.decisionDate(), v.severity(), v.reason(),
					v.catalogVersionId(), v.submissionId(), v.selfDeclared(), v.recordedBy(), v.recordedAt());
		}
	}

	record RecordView(UUID recordId, String catalogItem, long providerId, boolean revoked, VersionView current,
			List<VersionView> history) {
	}

	record SubjectRecords(String code, String kind, String type, String name, List<String> names,
			List<RecordView> records) {
	}

	@GetMapping("/api/v1/subjects/{code}/records")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'REVIEWER', 'AUDITOR', 'PROVIDER_OPERATOR', 'DEPARTMENT_SYSTEM')")
	@Operation(summary = "信用主体的全部记录（含历史版本）/ A subject's records with their history",
			description = "Staff who oversee the platform see every record; providers and department systems see "
					+ "the records their organisation provided. Every read is audited.")
	SubjectRecords ofSubject(@PathVariable String code, Authentication authentication) {
		IdentifierCheck check = Identifiers.parse(code);
		if (!check.valid()) {
			throw DomainException.unprocessable(check.errors().get(0).code(), check.errors().get(0).args().toArray());
		}
		CreditSubject subject = subjects.byCode(check.value())
			.orElseThrow(() -> DomainException.notFound("SUBJECT_UNKNOWN", check.value()));
		OrganisationMember member = IngestWeb.member(authentication);
		boolean all = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(SEE_ALL::contains);
		List<RecordView> views = records.ofSubject(subject.id())
			.stream()
			.filter(r -> all || r.providerId() == member.organisationId())
			.map(RecordController::view)
			.toList();
		audit.record(AuditEntry.of("RECORDS_READ", AuditEntry.Outcome.SUCCESS,
				Map.of("records", views.size(), "scope", all ? "ALL" : "OWN_ORGANISATION"))
			.aboutSubject(subject.code(), null));
		return new SubjectRecords(subject.code(), subject.kind().name(), subject.type().name(), subject.name(),
				subjects.names(subject.id()), views);
	}

	record CorrectionRequest(Map<String, Object> values, String reason) {
	}

	record RevocationRequest(String reason) {
	}

	@PostMapping("/api/v1/records/{recordId}/corrections")
	@PreAuthorize("hasAnyRole('DEPARTMENT_SYSTEM', 'PROVIDER_OPERATOR')")
	@Operation(summary = "更正记录 / Correct a record",
			description = "Creates a new version with the corrected values and the reason (art. 28, 53). Only the "
					+ "providing organisation may correct; the natural key (e.g. decision number) cannot change.")
	RecordVersionRef correct(@PathVariable UUID recordId, @RequestBody CorrectionRequest request,
			Authentication authentication) {
		OrganisationMember member = IngestWeb.member(authentication);
		return records.correct(recordId, request.values(), request.reason(), member.organisationId(),
				authentication.getName());
	}

	@PostMapping("/api/v1/records/{recordId}/revocation")
	@PreAuthorize("hasAnyRole('DEPARTMENT_SYSTEM', 'PROVIDER_OPERATOR')")
	@Operation(summary = "撤销记录 / Revoke a record",
			description = "Creates a new version marking the record revoked, with the reason. It leaves public view; "
					+ "its history stays.")
	RecordVersionRef revoke(@PathVariable UUID recordId, @RequestBody RevocationRequest request,
			Authentication authentication) {
		OrganisationMember member = IngestWeb.member(authentication);
		return records.revoke(recordId, request.reason(), member.organisationId(), authentication.getName());
	}

	@ExceptionHandler(RecordInvalidException.class)
	ResponseEntity<ProblemDetail> invalid(RecordInvalidException e, HttpServletRequest request, Locale locale) {
		ProblemDetail problem = problems.of(e, request);
		problem.setProperty("errors", IngestWeb.views(e.errors(), messages, locale));
		return problems.response(problem);
	}

	private static RecordView view(CreditRecord r) {
		return new RecordView(r.id(), r.catalogItem(), r.providerId(), r.revoked(), VersionView.of(r.current()),
				r.versions().stream().map(VersionView::of).toList());
	}
}
