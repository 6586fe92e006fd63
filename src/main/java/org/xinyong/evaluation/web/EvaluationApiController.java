package org.xinyong.evaluation.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.evaluation.EvaluationRun;
import org.xinyong.evaluation.Evaluations;
import org.xinyong.evaluation.Grade;
import org.xinyong.evaluation.ModelVersion;
import org.xinyong.evaluation.PublicEvaluation;
import org.xinyong.evaluation.ScoringModel;
import org.xinyong.evaluation.SectorResult;
import org.xinyong.platform.DomainException;
import org.xinyong.subject.CreditSubject;
import org.xinyong.subject.CreditSubjects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Scoring models, runs and grades for operators, department systems and the public (organisations only). */
@RestController
@Tag(name = "evaluation", description = "公共信用综合评价 / Public credit evaluation (art. 38)")
class EvaluationApiController {

	private final Evaluations evaluations;
	private final CreditSubjects subjects;
	private final AuditLog audit;

	EvaluationApiController(Evaluations evaluations, CreditSubjects subjects, AuditLog audit) {
		this.evaluations = evaluations;
		this.subjects = subjects;
		this.audit = audit;
	}

	record PublishRequest(ScoringModel model, String note) {
	}

	record RunStarted(long id) {
	}

	record SubjectEvaluation(String code, String name, String type, Grade grade, List<SectorResult> sectorResults) {
	}

	@GetMapping("/api/v1/evaluation/models")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR', 'REVIEWER', 'DEPARTMENT_USER', 'DEPARTMENT_SYSTEM')")
	@Operation(summary = "评价模型各版本 / Scoring model versions, newest first")
	List<ModelVersion> models() {
		return evaluations.models();
	}

	@PostMapping("/api/v1/evaluation/models")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "发布新版评价模型 / Publish a new model version",
			description = "Validated (422 EVALUATION_…: points, caps, thresholds in descending order ending with an "
					+ "open band, known catalog items, fields and values); used by the next run; old versions kept.")
	ModelVersion publish(@RequestBody PublishRequest request, Authentication authentication) {
		return evaluations.publish(request.model(), request.note(), authentication.getName());
	}

	@PostMapping("/api/v1/evaluation/runs")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "立即评价全部主体 / Start a run of all subjects now",
			description = "Runs in the background; 409 EVALUATION_RUN_IN_PROGRESS while another run is running.")
	RunStarted start(Authentication authentication) {
		return new RunStarted(evaluations.start("MANUAL", authentication.getName()));
	}

	@GetMapping("/api/v1/evaluation/runs")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR', 'REVIEWER', 'DEPARTMENT_USER', 'DEPARTMENT_SYSTEM')")
	@Operation(summary = "评价批次及进度 / Runs with progress (processed/total, state), newest first")
	List<EvaluationRun> runs() {
		return evaluations.runs(50);
	}

	@GetMapping("/api/v1/evaluation/runs/{id}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR', 'REVIEWER', 'DEPARTMENT_USER', 'DEPARTMENT_SYSTEM')")
	EvaluationRun run(@PathVariable long id) {
		return evaluations.run(id).orElseThrow(() -> DomainException.notFound("EVALUATION_RUN_UNKNOWN", id));
	}

	@GetMapping("/api/v1/evaluation/subjects/{code}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR', 'REVIEWER', 'DEPARTMENT_USER', 'DEPARTMENT_SYSTEM')")
	@Operation(summary = "主体的评价结果与完整解释 / A subject's latest grade with its full explanation",
			description = "Contributions with the record ids that moved them, adding up to the score; sector "
					+ "results beside it. Audited (EVALUATION_RESULT_READ).")
	SubjectEvaluation subject(@PathVariable String code) {
		CreditSubject subject = subjects.byCode(code.trim())
			.orElseThrow(() -> DomainException.notFound("EVALUATION_SUBJECT_UNKNOWN", code));
		Grade grade = evaluations.latestGrade(subject.id()).orElse(null);
		audit.record(AuditEntry.of("EVALUATION_RESULT_READ", AuditEntry.Outcome.SUCCESS,
				Map.of("run", grade == null ? "none" : grade.runId())).aboutSubject(subject.code(), null));
		return new SubjectEvaluation(subject.code(), subject.name(), subject.type().name(), grade,
				evaluations.sectorResults(subject.id()));
	}

	@GetMapping("/api/v1/public/subjects/{code}/evaluation")
	@Operation(summary = "公示的信用评价结果 / The published evaluation of an organisation (art. 38)",
			description = "Grade, score, short explanation and sector results; organisations only (404 otherwise).")
	PublicEvaluation publicEvaluation(@PathVariable String code) {
		return evaluations.publicEvaluation(code)
			.orElseThrow(() -> DomainException.notFound("EVALUATION_NOT_PUBLISHED", code));
	}
}
