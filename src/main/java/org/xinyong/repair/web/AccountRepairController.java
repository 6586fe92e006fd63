package org.xinyong.repair.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinyong.account.SubjectPrincipal;
import org.xinyong.platform.DomainException;
import org.xinyong.repair.RepairApplication;
import org.xinyong.repair.Repairs;
import org.xinyong.repair.internal.AttachmentStore;
import org.xinyong.subject.CreditSubjects;

/**
 * The signed-in subject's repair pages and API (session): eligibility per record, the application form, own
 * applications with their deadlines.
 */
@Controller
class AccountRepairController {

	private final Repairs repairs;
	private final CreditSubjects subjects;
	private final AttachmentStore attachments;
	private final MessageSource messages;

	AccountRepairController(Repairs repairs, CreditSubjects subjects, AttachmentStore attachments,
			MessageSource messages) {
		this.repairs = repairs;
		this.subjects = subjects;
		this.attachments = attachments;
		this.messages = messages;
	}

	@GetMapping("/account/repair")
	String page(Model model) {
		SubjectPrincipal me = me(model);
		model.addAttribute("eligibility", repairs.eligibility(me.subjectId(), repairs.today()));
		List<RepairApplication> applications = repairs.ofSubject(me.subjectId());
		model.addAttribute("applications", applications);
		java.util.Map<String, Repairs.Agent> agents = new java.util.HashMap<>();
		applications.forEach(a -> repairs.agent(a.number()).ifPresent(g -> agents.put(a.number(), g)));
		model.addAttribute("agents", agents);
		model.addAttribute("maxMegabytes", attachments.maxBytes() / 1024 / 1024);
		return "repair/account";
	}

	@PostMapping("/account/repair")
	String apply(@RequestParam UUID recordId, @RequestParam(required = false) String obligations,
			@RequestParam(required = false) String commitment,
			@RequestParam(name = "proof", required = false) List<MultipartFile> proof,
			@RequestParam(required = false) String subjectCode,
			@RequestParam(name = "authorisation", required = false) MultipartFile authorisation,
			RedirectAttributes redirect, Locale locale) {
		SubjectPrincipal me = SubjectPrincipal.current().orElseThrow();
		try {
			RepairApplication a = Uploads.apply(repairs, attachments, me, recordId, obligations, commitment, proof,
					subjectCode, authorisation);
			redirect.addFlashAttribute("applied", a.number());
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("failure",
					messages.getMessage(e.messageKey(), e.args(), e.code(), locale));
		}
		return "redirect:/account/repair";
	}

	private SubjectPrincipal me(Model model) {
		SubjectPrincipal me = SubjectPrincipal.current().orElseThrow(() -> new IllegalStateException("No subject"));
		model.addAttribute("me", me);
		model.addAttribute("subject", subjects.byId(me.subjectId()).orElseThrow());
		return me;
	}
}
