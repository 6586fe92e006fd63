package org.xinyong.evaluation.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.evaluation.Evaluations;
import org.xinyong.evaluation.ModelVersion;
import org.xinyong.evaluation.ScoringModel;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.web.ConsoleMenuItem;
import org.xinyong.subject.CreditSubject;
import org.xinyong.subject.CreditSubjects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The console's evaluation pages: runs with progress and "run now", model versions and publishing, a subject's grade. */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR', 'REVIEWER')")
class EvaluationConsoleController {

	private final Evaluations evaluations;
	private final CreditSubjects subjects;
	private final AuditLog audit;
	private final JsonMapper json;
	private final MessageSource messages;

	EvaluationConsoleController(Evaluations evaluations, CreditSubjects subjects, AuditLog audit, JsonMapper json,
			MessageSource messages) {
		this.evaluations = evaluations;
		this.subjects = subjects;
		this.audit = audit;
		this.json = json;
		this.messages = messages;
	}

	@Bean
	static ConsoleMenuItem evaluationMenuItem() {
		return new ConsoleMenuItem("evaluation.menu", "/console/evaluation",
				Set.of("PLATFORM_ADMIN", "AUDITOR", "REVIEWER"), 360);
	}

	@GetMapping("/console/evaluation")
	String runs(Model model) {
		model.addAttribute("runs", evaluations.runs(30));
		model.addAttribute("running", evaluations.running());
		model.addAttribute("current", evaluations.currentModel());
		return "evaluation/console";
	}

	@PostMapping("/console/evaluation/run")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	String runNow(Authentication auth, RedirectAttributes redirect, Locale locale) {
		try {
			redirect.addFlashAttribute("started", evaluations.start("MANUAL", auth.getName()));
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.code(), locale));
		}
		return "redirect:/console/evaluation";
	}

	@GetMapping("/console/evaluation/models")
	String models(Model model) {
		model.addAttribute("models", evaluations.models());
		if (!model.containsAttribute("definition")) {
			model.addAttribute("definition", pretty(evaluations.currentModel()));
		}
		return "evaluation/console-models";
	}

	@PostMapping("/console/evaluation/models")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	String publish(@RequestParam String definition, @RequestParam(required = false) String note, Authentication auth,
			RedirectAttributes redirect, Locale locale) {
		try {
			ScoringModel model;
			try {
				model = json.readValue(definition, ScoringModel.class);
			}
			catch (JacksonException e) {
				throw DomainException.unprocessable("EVALUATION_MODEL_JSON", e.getOriginalMessage());
			}
			redirect.addFlashAttribute("published", evaluations.publish(model, note, auth.getName()).version());
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.code(), locale));
			redirect.addFlashAttribute("definition", definition);
		}
		return "redirect:/console/evaluation/models";
	}

	@GetMapping("/console/evaluation/subjects")
	String subject(@RequestParam(required = false) String code, Model model) {
		model.addAttribute("code", code == null ? "" : code);
		if (code != null && !code.isBlank()) {
			CreditSubject subject = subjects.byCode(code.trim()).orElse(null);
			model.addAttribute("subject", subject);
			if (subject != null) {
				var grade = evaluations.latestGrade(subject.id());
				audit.record(AuditEntry.of("EVALUATION_RESULT_READ", AuditEntry.Outcome.SUCCESS,
						Map.of("run", grade.map(g -> (Object) g.runId()).orElse("none")))
					.aboutSubject(subject.code(), null));
				model.addAttribute("grade", grade.orElse(null));
				model.addAttribute("model", grade.flatMap(g -> evaluations.model(g.modelVersion()))
					.map(ModelVersion::model)
					.orElse(null));
				model.addAttribute("history", evaluations.history(subject.id()));
				model.addAttribute("sector", evaluations.sectorResults(subject.id()));
			}
		}
		return "evaluation/console-subject";
	}

	private String pretty(ModelVersion version) {
		return json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(version.model());
	}
}
