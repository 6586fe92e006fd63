package org.xinyong.sharing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinyong.access.Organisation;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.ingest.VersionKind;
import org.xinyong.platform.OrganisationMember;
import org.xinyong.sharing.internal.SharingQueries;
import org.xinyong.sharing.internal.SharingQueries.SharedItem;
import org.xinyong.sharing.internal.SharingQueries.SharedRecord;
import org.xinyong.sharing.internal.SharingQueries.SharingAnswer;
import org.xinyong.sharing.internal.SharingQueries.Withheld;

/** State bodies query a subject's shared records for a stated purpose (art. 32, 34). */
@RestController
@Tag(name = "sharing", description = "信用信息共享 / Sharing credit records with state bodies")
class SharingQueryController {

	private final SharingQueries queries;
	private final MessageSource messages;

	SharingQueryController(SharingQueries queries, MessageSource messages) {
		this.queries = queries;
		this.messages = messages;
	}

	record SubjectView(String code, String name, String type) {
	}

	record ProviderView(String code, String name) {
	}

	record RecordView(UUID recordId, ProviderView provider, LocalDate decisionDate, Instant recordedAt, int versionNo,
			VersionKind kind, Map<String, Object> values) {
	}

	record ItemView(String code, String name, String nameEn, String sharing, String openness, List<RecordView> records) {
	}

	record WithheldView(String code, String name, String reason, String message) {
	}

	record AnswerView(SubjectView subject, String purpose, String purposeText, List<ItemView> items,
			List<WithheldView> withheld) {
	}

	@GetMapping("/api/v1/sharing/subjects/{code}")
	@PreAuthorize("hasAnyRole('DEPARTMENT_USER', 'DEPARTMENT_SYSTEM')")
	@Operation(summary = "共享查询信用主体的信用信息 / A subject's shared records",
			description = "The current version of every non-revoked record of the catalog items the caller's "
					+ "organisation holds a grant for, covering the stated purpose; natural persons' non-public items "
					+ "only with a statutory basis or the person's recorded authorisation. Items withheld are listed "
					+ "with the reason. purpose is one of PROCUREMENT, BIDDING, LICENSING, FUNDING, HONOURS, "
					+ "PUBLIC_EMPLOYMENT, SUPERVISION, OTHER (which needs purposeText). Every query is audited.")
	AnswerView query(@PathVariable String code, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) String purposeText, Authentication authentication, Locale locale) {
		OrganisationMember member = authentication != null
				&& authentication.getPrincipal() instanceof OrganisationMember m ? m : null;
		return view(queries.query(member, code, purpose, purposeText), locale);
	}

	private AnswerView view(SharingAnswer a, Locale locale) {
		boolean en = "en".equals(locale.getLanguage());
		List<ItemView> items = a.items().stream().map(i -> item(i, en)).toList();
		List<WithheldView> withheld = a.withheld()
			.stream()
			.map(w -> new WithheldView(w.itemCode(), w.published() == null ? null : name(w.published().item(), en),
					w.reason().name(), messages.getMessage(w.reason().messageKey(), null, w.reason().name(), locale)))
			.toList();
		return new AnswerView(new SubjectView(a.subject().code(), a.subject().name(), a.subject().type().name()),
				a.purpose().name(), a.purposeText(), items, withheld);
	}

	private static ItemView item(SharedItem i, boolean en) {
		CatalogItem item = i.published().item();
		return new ItemView(item.code(), name(item, en), item.nameEn(), item.sharing().name(), item.openness().name(),
				i.records().stream().map(SharingQueryController::record).toList());
	}

	private static RecordView record(SharedRecord r) {
		Organisation p = r.provider();
		return new RecordView(r.recordId(), p == null ? null : new ProviderView(p.code(), p.name()),
				r.current().decisionDate(), r.current().recordedAt(), r.current().versionNo(), r.current().kind(),
				r.current().payload());
	}

	private static String name(CatalogItem item, boolean en) {
		return en && item.nameEn() != null ? item.nameEn() : item.name();
	}
}
