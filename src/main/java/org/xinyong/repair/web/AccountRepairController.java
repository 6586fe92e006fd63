package org.xinyong.repair.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinyong.account.SubjectPrincipal;
import org.xinyong.platform.DomainException;
import org.xinyong.repair.Eligibility;
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
		model.addAttribute("applications", repairs.ofSubject(me.subjectId()));
		model.addAttribute("maxMegabytes", attachments.maxBytes() / 1024 / 1024);
		return "repair/account";
	}

	@PostMapping("/account/repair")
	String apply(@RequestParam UUID recordId, @RequestParam(required = false) String obligations,
			@RequestParam(required = false) String commitment,
			@RequestParam(name = "proof", required = false) List<MultipartFile> proof, RedirectAttributes redirect,
			Locale locale) {
		SubjectPrincipal me = SubjectPrincipal.current().orElseThrow();
		try {
			RepairApplication a = repairs.apply(me.subjectId(), recordId, obligations, commitment, uploads(proof),
					me.getName());
			redirect.addFlashAttribute("applied", a.number());
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("failure",
					messages.getMessage(e.messageKey(), e.args(), e.code(), locale));
		}
		return "redirect:/account/repair";
	}

	@GetMapping("/account/repair/api/eligibility")
	@ResponseBody
	List<Eligibility> eligibility() {
		return repairs.eligibility(SubjectPrincipal.current().orElseThrow().subjectId(), repairs.today());
	}

	@GetMapping("/account/repair/api/applications")
	@ResponseBody
	List<RepairApplication> applications() {
		return repairs.ofSubject(SubjectPrincipal.current().orElseThrow().subjectId());
	}

	@PostMapping("/account/repair/api/applications")
	@ResponseBody
	ResponseEntity<RepairApplication> applyByApi(@RequestParam UUID recordId, @RequestParam String obligations,
			@RequestParam String commitment, @RequestParam(name = "proof", required = false) List<MultipartFile> proof) {
		SubjectPrincipal me = SubjectPrincipal.current().orElseThrow();
		return ResponseEntity.status(201)
			.body(repairs.apply(me.subjectId(), recordId, obligations, commitment, uploads(proof), me.getName()));
	}

	@GetMapping("/account/repair/api/applications/{number}")
	@ResponseBody
	Map<String, Object> application(@PathVariable String number) {
		long subjectId = SubjectPrincipal.current().orElseThrow().subjectId();
		RepairApplication a = repairs.byNumber(number)
			.filter(x -> x.subjectId() == subjectId)
			.orElseThrow(() -> DomainException.notFound("REPAIR_APPLICATION_UNKNOWN", number));
		return Map.of("application", a, "history", repairs.history(number), "attachments",
				repairs.attachments(number));
	}

	private List<AttachmentStore.Upload> uploads(List<MultipartFile> files) {
		List<AttachmentStore.Upload> out = new ArrayList<>();
		if (files == null) {
			return out;
		}
		for (MultipartFile f : files) {
			if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
				continue;
			}
			if (f.getSize() > attachments.maxBytes()) {
				throw DomainException.badRequest("REPAIR_ATTACHMENT_TOO_LARGE", f.getOriginalFilename(),
						attachments.maxBytes() / 1024 / 1024);
			}
			try {
				out.add(new AttachmentStore.Upload(f.getOriginalFilename(), f.getBytes()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return out;
	}

	private SubjectPrincipal me(Model model) {
		SubjectPrincipal me = SubjectPrincipal.current().orElseThrow(() -> new IllegalStateException("No subject"));
		model.addAttribute("me", me);
		model.addAttribute("subject", subjects.byId(me.subjectId()).orElseThrow());
		return me;
	}
}
