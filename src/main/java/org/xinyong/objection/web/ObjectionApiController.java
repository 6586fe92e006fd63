package org.xinyong.objection.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xinyong.account.SubjectPrincipal;
import org.xinyong.objection.CaseKind;
import org.xinyong.objection.CaseStatus;
import org.xinyong.objection.Grounds;
import org.xinyong.objection.Remedy;
import org.xinyong.objection.Route;
import org.xinyong.objection.internal.Attachments;
import org.xinyong.objection.internal.Case;
import org.xinyong.objection.internal.ObjectionService;
import org.xinyong.objection.internal.ObjectionService.NewObjection;
import org.xinyong.objection.internal.Progress;
import org.xinyong.platform.DomainException;

/**
 * The objection API for signed-in subjects (website session): file an objection (JSON, or multipart with
 * attachments), list one's own objections, read one with its deadlines, history and outcome.
 */
@RestController
@RequestMapping("/api/v1/objections")
class ObjectionApiController {

	record Filed(UUID recordId, Integer versionNo, Grounds grounds, String explanation, Route route) {
	}

	record EventJson(CaseStatus status, LocalDate on, Instant at, LocalDate deadline, LocalDate assistDeadline,
			Remedy remedy, Integer correctedVersion, String note) {
	}

	record AttachmentJson(long id, String fileName, String contentType, long size) {
	}

	/** The authorised agent who filed, with the attachment holding the letter of authorisation. */
	record AgentJson(String name, String verification, long letterAttachment) {
	}

	record CaseJson(long id, CaseKind kind, UUID recordId, int versionNo, String catalogItem, Grounds grounds,
			Route route, String explanation, LocalDate receivedOn, CaseStatus status, boolean open,
			LocalDate deadline, Integer remainingWorkingDays, boolean overdue, List<EventJson> history,
			List<AttachmentJson> attachments, AgentJson agent) {

		static CaseJson of(Case c, Progress p) {
			return new CaseJson(c.id(), c.kind(), c.recordId(), c.versionNo(), c.catalogItem(), c.grounds(), c.route(),
					c.explanation(), c.receivedOn(), c.status(), c.status().open(), c.deadline(), p.remaining(),
					c.status().open() && p.overdue(),
					c.history().stream().map(e -> new EventJson(e.status(), e.occurredOn(), e.occurredAt(),
							e.deadline(), e.assistDeadline(), e.remedy(), e.correctedVersion(), e.note())).toList(),
					c.attachments().stream().map(a -> new AttachmentJson(a.id(), a.fileName(), a.contentType(),
							a.size())).toList(),
					c.agent() == null ? null : new AgentJson(c.agent().name(), c.agent().verification(),
							c.agent().letterAttachment()));
		}
	}

	private final ObjectionService service;

	ObjectionApiController(ObjectionService service) {
		this.service = service;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	CaseJson file(@RequestBody Filed body) {
		return json(service.file(me(), new NewObjection(body.recordId(), body.versionNo(), body.grounds(),
				body.explanation(), body.route()), List.of()));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	CaseJson fileWithAttachments(@RequestParam UUID recordId, @RequestParam(required = false) Integer versionNo,
			@RequestParam Grounds grounds, @RequestParam String explanation,
			@RequestParam(required = false) Route route,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> files,
			@RequestParam(required = false) String subjectCode,
			@RequestParam(name = "authorisation", required = false) MultipartFile authorisation) {
		return json(service.file(me(), new NewObjection(recordId, versionNo, grounds, explanation, route, subjectCode),
				uploads(files), upload(authorisation)));
	}

	@GetMapping
	List<CaseJson> mine() {
		return service.ofSubject(me().subjectId()).stream().map(this::json).toList();
	}

	@GetMapping("/{id}")
	CaseJson one(@PathVariable long id) {
		return json(own(service, id, me()));
	}

	/** A case the signed-in subject may see: its own, or one it filed as an authorised agent. */
	static Case own(ObjectionService service, long id, SubjectPrincipal me) {
		return service.byId(id)
			.filter(c -> c.kind() == CaseKind.OBJECTION && (c.subjectId() == me.subjectId()
					|| c.agent() != null && c.agent().subjectId() == me.subjectId()))
			.orElseThrow(() -> DomainException.notFound("OBJECTION_UNKNOWN", id));
	}

	static List<Attachments.Upload> uploads(List<MultipartFile> files) {
		return files == null ? List.of()
				: files.stream().map(f -> new Attachments.Upload(f.getOriginalFilename(), f.getSize(), f)).toList();
	}

	static Attachments.Upload upload(MultipartFile file) {
		return file == null ? null : new Attachments.Upload(file.getOriginalFilename(), file.getSize(), file);
	}

	private CaseJson json(Case c) {
		return CaseJson.of(c, service.progress(c));
	}

	private static SubjectPrincipal me() {
		return SubjectPrincipal.current()
			.orElseThrow(() -> new DomainException("OBJECTION_SIGN_IN_REQUIRED", HttpStatus.UNAUTHORIZED));
	}
}
