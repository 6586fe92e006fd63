package org.xinyong.measures.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xinyong.measures.Edition;
import org.xinyong.measures.ListTarget;
import org.xinyong.measures.Matter;
import org.xinyong.measures.Measure;
import org.xinyong.measures.MeasureLists;
import org.xinyong.measures.SupplementaryList;
import org.xinyong.measures.SupplementaryLists;
import org.xinyong.measures.SupplementaryStatus;
import org.xinyong.platform.DomainException;

import io.swagger.v3.oas.annotations.Operation;

/** Measure lists: base-list editions and their import, the measures in force, supplementary lists. */
@RestController
class MeasuresApiController {

	private final MeasureLists measures;
	private final SupplementaryLists supplementary;

	MeasuresApiController(MeasureLists measures, SupplementaryLists supplementary) {
		this.measures = measures;
		this.supplementary = supplementary;
	}

	record CreateList(String level, String regionCode, String regionName, String title, Long supersedes) {
	}

	record MeasureRequest(String baseMeasureId, String target, String measure, String basis, String implementingUnit,
			Set<ListTarget> appliesTo, Set<Matter> matters) {
	}

	record Transition(SupplementaryStatus status, String note) {
	}

	record CommentRequest(String commenter, String text) {
	}

	@GetMapping("/api/v1/measures/base")
	@Operation(summary = "失信惩戒措施基础清单 / Base list in force",
			description = "The current edition, each measure with kind, group, applicable list entries and matters, and provenance (VERIFIED/UNVERIFIED).")
	List<Measure> base() {
		return measures.baseList();
	}

	@GetMapping("/api/v1/measures/in-force")
	@Operation(summary = "现行措施 / Measures in force",
			description = "Current base edition plus the published supplementary lists: what the joint check applies (art. 46).")
	List<Measure> inForce() {
		return measures.inForce();
	}

	@GetMapping("/api/v1/measures/editions")
	@Operation(summary = "基础清单版本 / Base-list editions", description = "Every edition, newest (current) first.")
	List<Edition> editions() {
		return measures.editions();
	}

	@GetMapping("/api/v1/measures/editions/{id}")
	@Operation(summary = "某一版本的措施 / Measures of an edition")
	List<Measure> edition(@PathVariable long id) {
		return measures.edition(id);
	}

	@PostMapping(path = "/api/v1/measures/editions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@Operation(summary = "导入官方版本 / Import an official edition",
			description = "Multipart: file (JSON or CSV), label, source, format (JSON|CSV, default from the file name). Validated as a whole (422 MEASURE_IMPORT_INVALID); becomes the current edition, earlier ones are kept.")
	Edition importEdition(@RequestPart("file") MultipartFile file, @RequestParam String label,
			@RequestParam(required = false) String source, @RequestParam(required = false) String format,
			Authentication authentication) throws IOException {
		return measures.importEdition(label, source, format(format, file), file.getBytes(), authentication.getName());
	}

	static String format(String format, MultipartFile file) {
		if (format != null && !format.isBlank()) {
			return format;
		}
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase();
		return name.endsWith(".csv") ? "CSV" : name.endsWith(".json") ? "JSON" : "";
	}

	@GetMapping("/api/v1/measures/supplementary-lists")
	@Operation(summary = "补充清单 / Supplementary lists", description = "Every list and version, newest first.")
	List<SupplementaryList> lists() {
		return supplementary.all();
	}

	@GetMapping("/api/v1/measures/supplementary-lists/{id}")
	SupplementaryList list(@PathVariable long id) {
		return supplementary.byId(id).orElseThrow(() -> DomainException.notFound("MEASURE_LIST_UNKNOWN", id));
	}

	@PostMapping("/api/v1/measures/supplementary-lists")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DEPARTMENT_USER', 'DEPARTMENT_SYSTEM')")
	@Operation(summary = "起草补充清单 / Draft a supplementary list",
			description = "level REGION or CITY; supersedes: the published list this version replaces.")
	SupplementaryList create(@RequestBody CreateList r, Authentication authentication) {
		return supplementary.create(r.level(), r.regionCode(), r.regionName(), r.title(), r.supersedes(),
				authentication.getName());
	}

	@PostMapping("/api/v1/measures/supplementary-lists/{id}/measures")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DEPARTMENT_USER', 'DEPARTMENT_SYSTEM')")
	@Operation(summary = "添加补充措施 / Add a measure to a draft list",
			description = "Refused (422 MEASURE_BASE_REQUIRED / MEASURE_BASE_UNKNOWN / MEASURE_BEYOND_BASE) unless it falls under a base punishment measure (art. 45).")
	Measure addMeasure(@PathVariable long id, @RequestBody MeasureRequest r, Authentication authentication) {
		return supplementary.addMeasure(id, new SupplementaryLists.MeasureDraft(r.baseMeasureId(), r.target(),
				r.measure(), r.basis(), r.implementingUnit(), r.appliesTo(), r.matters()), authentication.getName());
	}

	@PostMapping("/api/v1/measures/supplementary-lists/{id}/transitions")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DEPARTMENT_USER', 'DEPARTMENT_SYSTEM')")
	@Operation(summary = "推进生命周期 / Advance the lifecycle",
			description = "DRAFT → CONSULTATION → APPROVED (note: approving document) → PUBLISHED → FILED (city lists; note: filing reference). Other steps: 409 MEASURE_LIST_TRANSITION_ILLEGAL.")
	SupplementaryList advance(@PathVariable long id, @RequestBody Transition r, Authentication authentication) {
		return supplementary.advance(id, r.status(), r.note(), authentication.getName());
	}

	@PostMapping("/api/v1/measures/supplementary-lists/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DEPARTMENT_USER', 'DEPARTMENT_SYSTEM')")
	@Operation(summary = "记录征求意见 / Record a consultation comment", description = "Only while in CONSULTATION.")
	SupplementaryList comment(@PathVariable long id, @RequestBody CommentRequest r, Authentication authentication) {
		return supplementary.comment(id, r.commenter(), r.text(), authentication.getName());
	}
}
