package org.xinyong.evaluation.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xinyong.account.SubjectPrincipal;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.evaluation.Evaluations;
import org.xinyong.evaluation.Grade;
import org.xinyong.evaluation.ModelVersion;
import org.xinyong.subject.CreditSubjects;

/** The signed-in subject's own evaluation with the full explanation (record ids), persons included. */
@Controller
class AccountEvaluationController {

	private final Evaluations evaluations;
	private final CreditSubjects subjects;
	private final AuditLog audit;

	AccountEvaluationController(Evaluations evaluations, CreditSubjects subjects, AuditLog audit) {
		this.evaluations = evaluations;
		this.subjects = subjects;
		this.audit = audit;
	}

	@GetMapping("/account/evaluation")
	String own(Model model) {
		SubjectPrincipal me = SubjectPrincipal.current().orElseThrow(() -> new IllegalStateException("No subject"));
		model.addAttribute("subject", subjects.byId(me.subjectId()).orElseThrow());
		Grade grade = evaluations.latestGrade(me.subjectId()).orElse(null);
		audit.record(AuditEntry.of("SUBJECT_OWN_EVALUATION_VIEWED", AuditEntry.Outcome.SUCCESS,
				Map.of("run", grade == null ? "none" : grade.runId()))
			.withActor(me.getName(), null, null)
			.aboutSubject(me.code(), null));
		model.addAttribute("grade", grade);
		model.addAttribute("model", grade == null ? null
				: evaluations.model(grade.modelVersion()).map(ModelVersion::model).orElse(null));
		model.addAttribute("sector", evaluations.sectorResults(me.subjectId()));
		return "evaluation/account";
	}
}
