package org.xinyong.sharing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.xinyong.access.Organisation;
import org.xinyong.access.Organisations;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.catalog.Catalogs;
import org.xinyong.catalog.PublishedItem;
import org.xinyong.ingest.CreditRecord;
import org.xinyong.ingest.CreditRecords;
import org.xinyong.ingest.RecordVersion;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.OrganisationMember;
import org.xinyong.sharing.SharingExclusions;
import org.xinyong.sharing.SharingPurpose;
import org.xinyong.subject.CreditSubject;

/**
 * A state body's query for a subject's records (art. 32, 34): the current version of every record of the items
 * the organisation may receive for the stated purpose, and the items withheld with the reason. Every query,
 * answered or refused, is audited with the subject and the purpose (action {@value #ACTION}), so that the
 * subject sees it among the reads about it (art. 50).
 */
@Service
public class SharingQueries {

	/** Contains {@code READ}: the audit trail lists it among the reads of non-public data about the subject. */
	public static final String ACTION = "SHARING_READ";

	static final int PURPOSE_TEXT_LIMIT = 500;

	private final SharingStore store;
	private final SubjectLookup subjects;
	private final CreditRecords records;
	private final Catalogs catalogs;
	private final Organisations organisations;
	private final AuditLog audit;
	private final Clock clock;
	private final SharingExclusions exclusions;

	SharingQueries(SharingStore store, SubjectLookup subjects, CreditRecords records, Catalogs catalogs,
			Organisations organisations, AuditLog audit, Clock clock, SharingExclusions exclusions) {
		this.exclusions = exclusions;
		this.store = store;
		this.subjects = subjects;
		this.records = records;
		this.catalogs = catalogs;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** The answer to a query. */
	public record SharingAnswer(CreditSubject subject, SharingPurpose purpose, String purposeText,
			List<SharedItem> items, List<Withheld> withheld) {
	}

	/** An item the organisation receives, with the current version of each of the subject's records of it. */
	public record SharedItem(PublishedItem published, List<SharedRecord> records) {
	}

	/** @param provider the providing organisation, if still known */
	public record SharedRecord(UUID recordId, Organisation provider, RecordVersion current) {
	}

	public record Withheld(String itemCode, PublishedItem published, WithheldReason reason) {
	}

	/**
	 * @param member      the asking organisation (null when the caller acts for none: refused)
	 * @param purposeCode a {@link SharingPurpose} code, required
	 * @param purposeText a description, required for {@link SharingPurpose#OTHER}
	 */
	public SharingAnswer query(OrganisationMember member, String code, String purposeCode, String purposeText) {
		String subjectRef = null;
		String auditPurpose = null;
		try {
			SharingPurpose purpose = purpose(purposeCode);
			String text = purposeText(purpose, purposeText);
			auditPurpose = text == null ? purpose.name() : purpose.name() + ": " + text;
			if (member == null) {
				throw new DomainException("ORGANISATION_REQUIRED", HttpStatus.FORBIDDEN);
			}
			subjectRef = SubjectLookup.requireValid(code);
			LocalDate today = LocalDate.now(clock);
			List<Grant> grants = store.grantsInForce(member.organisationId(), today);
			if (grants.stream().noneMatch(g -> g.covers(purpose))) {
				throw new DomainException("SHARING_NOT_GRANTED", HttpStatus.FORBIDDEN, purpose);
			}
			CreditSubject subject = subjects.require(subjectRef);
			SharingAnswer answer = answer(subject, purpose, text, grants,
					store.authorisationsInForce(subject.id(), member.organisationId(), today));
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("items", answer.items().stream().map(i -> i.published().item().code()).toList());
			detail.put("records", answer.items().stream().mapToInt(i -> i.records().size()).sum());
			detail.put("withheld", answer.withheld().stream().map(Withheld::itemCode).toList());
			audit.record(AuditEntry.of(ACTION,
					answer.items().isEmpty() ? AuditEntry.Outcome.DENIED : AuditEntry.Outcome.SUCCESS, detail)
				.aboutSubject(subject.code(), auditPurpose));
			return answer;
		}
		catch (DomainException e) {
			audit.record(AuditEntry.of(ACTION, e.status() == HttpStatus.FORBIDDEN ? AuditEntry.Outcome.DENIED
					: AuditEntry.Outcome.FAILURE, Map.of("code", e.code())).aboutSubject(subjectRef, auditPurpose));
			throw e;
		}
	}

	private SharingAnswer answer(CreditSubject subject, SharingPurpose purpose, String text, List<Grant> grants,
			List<Authorisation> authorisations) {
		Map<String, List<CreditRecord>> byItem = new LinkedHashMap<>();
		List<CreditRecord> all = records.ofSubject(subject.id());
		// records excluded from sharing (art. 54) are left out from then on
		Set<UUID> excluded = exclusions.excludedAmong(all.stream().map(CreditRecord::id).toList());
		for (CreditRecord r : all) {
			if (!r.revoked() && !excluded.contains(r.id())) {
				byItem.computeIfAbsent(r.catalogItem(), k -> new ArrayList<>()).add(r);
			}
		}
		Map<String, PublishedItem> published = new LinkedHashMap<>();
		for (PublishedItem p : catalogs.publishedItems()) {
			if (p.item().subjectTypes().contains(subject.type())) {
				published.put(p.item().code(), p);
			}
		}
		Set<String> codes = new LinkedHashSet<>(published.keySet());
		codes.addAll(byItem.keySet());
		Map<Long, Optional<Organisation>> providers = new HashMap<>();
		List<SharedItem> items = new ArrayList<>();
		List<Withheld> withheld = new ArrayList<>();
		for (String code : codes) {
			PublishedItem p = published.containsKey(code) ? published.get(code)
					: catalogs.publishedItem(code).orElse(null);
			if (p == null) {
				withheld.add(new Withheld(code, null, WithheldReason.ITEM_NOT_IN_FORCE));
				continue;
			}
			Optional<WithheldReason> reason = SharingRules.decide(p.item(), subject.type(), purpose, grants,
					authorisations);
			if (reason.isPresent()) {
				withheld.add(new Withheld(code, p, reason.get()));
				continue;
			}
			List<SharedRecord> shared = byItem.getOrDefault(code, List.of())
				.stream()
				.map(r -> new SharedRecord(r.id(),
						providers.computeIfAbsent(r.providerId(), organisations::byId).orElse(null), r.current()))
				.toList();
			items.add(new SharedItem(p, shared));
		}
		return new SharingAnswer(subject, purpose, text, items, withheld);
	}

	private static SharingPurpose purpose(String code) {
		if (code == null || code.isBlank()) {
			throw DomainException.badRequest("SHARING_PURPOSE_REQUIRED");
		}
		return SharingPurpose.parse(code)
			.orElseThrow(() -> DomainException.badRequest("SHARING_PURPOSE_INVALID",
					code.length() > 40 ? code.substring(0, 40) + "…" : code));
	}

	private static String purposeText(SharingPurpose purpose, String raw) {
		String text = raw == null || raw.isBlank() ? null : raw.strip();
		if (text != null && text.length() > PURPOSE_TEXT_LIMIT) {
			throw DomainException.badRequest("SHARING_TEXT_TOO_LONG", PURPOSE_TEXT_LIMIT);
		}
		if (purpose == SharingPurpose.OTHER && text == null) {
			throw DomainException.badRequest("SHARING_PURPOSE_TEXT_REQUIRED");
		}
		return text;
	}
}
