package org.xinyong.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinyong.catalog.Openness;
import org.xinyong.disclosure.BrowseFilter;
import org.xinyong.disclosure.PublicCreditInfo;
import org.xinyong.disclosure.PublicRecord;
import org.xinyong.disclosure.RecordPage;
import org.xinyong.disclosure.ReportGroup;
import org.xinyong.disclosure.SearchPage;
import org.xinyong.disclosure.SubjectSearch;
import org.xinyong.disclosure.SubjectSummary;
import org.xinyong.disclosure.SubjectView;
import org.xinyong.evaluation.Evaluations;
import org.xinyong.evaluation.PublicEvaluation;
import org.xinyong.objection.PendingObjections;
import org.xinyong.platform.DomainException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The public API of the credit website: the same search, subject view and browsing as the pages, with the same
 * masking and disclosure rules (both are served by {@link PublicCreditInfo} and {@link SubjectSearch}). No login;
 * anonymous callers are rate-limited per client address.
 */
@RestController
@RequestMapping("/api/v1/public")
@Tag(name = "Public credit information", description = "信用网站公开查询接口（免费、无需登录）")
class PublicApiController {

	private final PublicCreditInfo info;
	private final SubjectSearch search;
	private final RecordDisplay display;
	private final org.springframework.context.MessageSource messages;
	private final PendingObjections objections;
	private final Evaluations evaluations;

	PublicApiController(PublicCreditInfo info, SubjectSearch search, RecordDisplay display,
			org.springframework.context.MessageSource messages, PendingObjections objections,
			Evaluations evaluations) {
		this.info = info;
		this.search = search;
		this.display = display;
		this.messages = messages;
		this.objections = objections;
		this.evaluations = evaluations;
	}

	record SearchResponse(List<SubjectSummary> items, long total, boolean totalExact, int page, int size) {
	}

	record Item(UUID recordId, int versionNo, String catalogItem, String itemName, SubjectSummary subject,
			LocalDate decisionDate, String authority, String sourceUnit, Instant updatedAt, LocalDate shownUntil,
			Map<String, Object> values, List<RecordDisplay.Field> fields, boolean objectionPending) {
	}

	record Group(ReportGroup group, String label, List<Item> records) {
	}

	/** {@code evaluation}: the published credit evaluation and sector results (art. 38), null when there is none. */
	record SubjectResponse(String code, String name, String type, List<String> formerNames, int recordCount,
			List<Group> groups, PublicEvaluation evaluation) {
	}

	record RecordsResponse(List<Item> items, long total, int page, int size) {
	}

	@GetMapping("/subjects")
	@Operation(summary = "Search subjects by full or partial name (at least two characters) or by code")
	SearchResponse search(@RequestParam String q, @RequestParam(defaultValue = "1") int page) {
		SearchPage p = search.search(q, page);
		return new SearchResponse(p.items(), p.total(), p.totalExact(), p.page(), p.size());
	}

	@GetMapping("/subjects/{code}")
	@Operation(summary = "A subject with its currently disclosed records, grouped as the national report standard, "
			+ "and its published credit evaluation")
	SubjectResponse subject(@PathVariable String code, Locale locale) {
		SubjectView view = info.subject(code)
			.orElseThrow(() -> DomainException.notFound("PUBLIC_SUBJECT_NOT_FOUND", code));
		Set<UUID> pending = pending(view.groups().values().stream().flatMap(List::stream).toList());
		List<Group> groups = view.groups()
			.entrySet()
			.stream()
			.map(e -> new Group(e.getKey(),
					messages.getMessage("group." + e.getKey().name(), null, e.getKey().name(), locale),
					e.getValue().stream().map(r -> item(r, locale, pending)).toList()))
			.toList();
		return new SubjectResponse(view.subject().code(), view.subject().name(), view.subject().type().name(),
				view.formerNames(), view.recordCount(), groups,
				evaluations.publicEvaluation(view.subject().code()).orElse(null));
	}

	@GetMapping("/records")
	@Operation(summary = "Browse the disclosed records of a public item (e.g. ADMIN_PENALTY, ADMIN_LICENCE)")
	RecordsResponse records(@RequestParam String item,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String authority, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "1") int page, Locale locale) {
		display.item(item)
			.filter(i -> i.openness() == Openness.PUBLIC)
			.orElseThrow(() -> DomainException.notFound("PUBLIC_ITEM_NOT_FOUND", item));
		RecordPage p = info.browse(new BrowseFilter(item, from, to, authority, type), page);
		Set<UUID> pending = pending(p.items());
		return new RecordsResponse(p.items().stream().map(r -> item(r, locale, pending)).toList(), p.total(),
				p.page(), p.size());
	}

	/** The records among these with an objection being handled (shown as "异议处理中"). */
	private Set<UUID> pending(List<PublicRecord> records) {
		return objections.pendingAmong(records.stream().map(PublicRecord::recordId).toList());
	}

	private Item item(PublicRecord r, Locale locale, Set<UUID> pending) {
		return new Item(r.recordId(), r.versionNo(), r.catalogItem(), display.itemName(r.catalogItem(), locale),
				r.subject(), r.decisionDate(), r.authority(), r.sourceUnit(), r.updatedAt(), r.shownUntil(), r.values(),
				display.fields(r, locale), pending.contains(r.recordId()));
	}
}
