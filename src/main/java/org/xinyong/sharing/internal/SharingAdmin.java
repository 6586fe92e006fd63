package org.xinyong.sharing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.access.Organisation;
import org.xinyong.access.Organisations;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.Catalogs;
import org.xinyong.catalog.PublishedItem;
import org.xinyong.catalog.SharingLevel;
import org.xinyong.platform.DomainException;
import org.xinyong.sharing.SharingPurpose;
import org.xinyong.subject.CreditSubject;
import org.xinyong.subject.SubjectType;

/**
 * Granting items to organisations and recording natural persons' authorisations, and withdrawing either. Every
 * change is audited in the same transaction.
 */
@Service
public class SharingAdmin {

	static final int TEXT_LIMIT = 2000;

	private final SharingStore store;
	private final Organisations organisations;
	private final Catalogs catalogs;
	private final SubjectLookup subjects;
	private final AuditLog audit;
	private final Clock clock;

	SharingAdmin(SharingStore store, Organisations organisations, Catalogs catalogs, SubjectLookup subjects,
			AuditLog audit, Clock clock) {
		this.store = store;
		this.organisations = organisations;
		this.catalogs = catalogs;
		this.subjects = subjects;
		this.audit = audit;
		this.clock = clock;
	}

	/** What it takes to grant an item; {@code validFrom} defaults to today. */
	public record NewGrant(String organisationCode, String itemCode, boolean allPurposes, List<String> purposes,
			String lawfulBasis, boolean statutoryBasis, LocalDate validFrom, LocalDate validUntil, String note) {
	}

	/** What it takes to record an authorisation; {@code validFrom} defaults to today, {@code validUntil} is required. */
	public record NewAuthorisation(String subjectCode, String organisationCode, boolean allItems, List<String> itemCodes,
			String purpose, LocalDate validFrom, LocalDate validUntil, String documentReference) {
	}

	public List<Grant> grants(Long organisationId) {
		return store.grants(organisationId);
	}

	public List<Authorisation> authorisations(Long subjectId) {
		return store.authorisations(subjectId);
	}

	/** The authorisations of the subject with this identifier (400 when invalid, 404 when unknown). */
	public List<Authorisation> authorisationsOf(String subjectCode) {
		return store.authorisations(subjects.require(subjectCode).id());
	}

	@Transactional
	public Grant grant(NewGrant g, String actor) {
		Organisation organisation = organisation(g.organisationCode());
		CatalogItem item = item(g.itemCode());
		if (item.sharing() == SharingLevel.NONE) {
			throw DomainException.unprocessable("SHARING_ITEM_NOT_SHAREABLE", item.code());
		}
		Set<SharingPurpose> purposes = g.allPurposes() ? Set.of() : purposes(g.purposes());
		String basis = text(g.lawfulBasis());
		if (item.sharing() == SharingLevel.CONDITIONAL && basis == null) {
			throw DomainException.unprocessable("SHARING_LAWFUL_BASIS_REQUIRED", item.code());
		}
		if (g.statutoryBasis() && basis == null) {
			throw DomainException.unprocessable("SHARING_STATUTORY_BASIS_TEXT_REQUIRED");
		}
		LocalDate from = g.validFrom() == null ? today() : g.validFrom();
		checkPeriod(from, g.validUntil());
		long id = store.insertGrant(organisation.id(), item.code(), g.allPurposes(), purposes, basis,
				g.statutoryBasis(), from, g.validUntil(), text(g.note()), actor, now());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("grantId", id);
		detail.put("organisation", organisation.code());
		detail.put("item", item.code());
		detail.put("purposes", g.allPurposes() ? "ALL" : String.join(",", purposes.stream().map(Enum::name).toList()));
		detail.put("statutoryBasis", g.statutoryBasis());
		detail.put("validFrom", from.toString());
		if (g.validUntil() != null) {
			detail.put("validUntil", g.validUntil().toString());
		}
		audit.record(AuditEntry.of("SHARING_GRANT_CREATED", AuditEntry.Outcome.SUCCESS, detail));
		return store.grant(id).orElseThrow();
	}

	@Transactional
	public Grant withdrawGrant(long grantId, String reason, String actor) {
		Grant grant = store.grant(grantId).orElseThrow(() -> DomainException.notFound("SHARING_GRANT_UNKNOWN", grantId));
		String why = requireReason(reason);
		if (grant.withdrawn()) {
			throw DomainException.conflict("SHARING_GRANT_ALREADY_WITHDRAWN", grantId);
		}
		try {
			store.insertGrantWithdrawal(grantId, why, actor, now());
		}
		catch (DuplicateKeyException e) {
			throw DomainException.conflict("SHARING_GRANT_ALREADY_WITHDRAWN", grantId);
		}
		audit.record(AuditEntry.of("SHARING_GRANT_WITHDRAWN", AuditEntry.Outcome.SUCCESS,
				Map.of("grantId", grantId, "item", grant.itemCode(), "reason", why)));
		return store.grant(grantId).orElseThrow();
	}

	@Transactional
	public Authorisation authorise(NewAuthorisation a, String actor) {
		CreditSubject subject = subjects.require(a.subjectCode());
		if (subject.type() != SubjectType.NATURAL_PERSON) {
			throw DomainException.unprocessable("SHARING_AUTHORISATION_PERSONS_ONLY", subject.code());
		}
		Organisation organisation = organisation(a.organisationCode());
		Set<String> items = new LinkedHashSet<>();
		if (!a.allItems()) {
			for (String code : a.itemCodes() == null ? List.<String>of() : a.itemCodes()) {
				if (code != null && !code.isBlank()) {
					items.add(item(code).code());
				}
			}
			if (items.isEmpty()) {
				throw DomainException.badRequest("SHARING_ITEMS_REQUIRED");
			}
		}
		SharingPurpose purpose = SharingPurpose.parse(a.purpose())
			.orElseThrow(() -> a.purpose() == null || a.purpose().isBlank()
					? DomainException.badRequest("SHARING_PURPOSE_REQUIRED")
					: DomainException.badRequest("SHARING_PURPOSE_INVALID", a.purpose()));
		String document = text(a.documentReference());
		if (document == null) {
			throw DomainException.badRequest("SHARING_DOCUMENT_REQUIRED");
		}
		if (a.validUntil() == null) {
			throw DomainException.badRequest("SHARING_VALID_UNTIL_REQUIRED");
		}
		LocalDate from = a.validFrom() == null ? today() : a.validFrom();
		checkPeriod(from, a.validUntil());
		long id = store.insertAuthorisation(subject.id(), organisation.id(), a.allItems(), items, purpose, from,
				a.validUntil(), document, actor, now());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("authorisationId", id);
		detail.put("organisation", organisation.code());
		detail.put("items", a.allItems() ? "ALL" : String.join(",", items));
		detail.put("purpose", purpose.name());
		detail.put("validFrom", from.toString());
		detail.put("validUntil", a.validUntil().toString());
		audit.record(AuditEntry.of("SHARING_AUTHORISATION_RECORDED", AuditEntry.Outcome.SUCCESS, detail)
			.aboutSubject(subject.code(), null));
		return store.authorisation(id).orElseThrow();
	}

	@Transactional
	public Authorisation withdrawAuthorisation(long authorisationId, String reason, String actor) {
		Authorisation a = store.authorisation(authorisationId)
			.orElseThrow(() -> DomainException.notFound("SHARING_AUTHORISATION_UNKNOWN", authorisationId));
		String why = requireReason(reason);
		if (a.withdrawn()) {
			throw DomainException.conflict("SHARING_AUTHORISATION_ALREADY_WITHDRAWN", authorisationId);
		}
		try {
			store.insertAuthorisationWithdrawal(authorisationId, why, actor, now());
		}
		catch (DuplicateKeyException e) {
			throw DomainException.conflict("SHARING_AUTHORISATION_ALREADY_WITHDRAWN", authorisationId);
		}
		audit.record(AuditEntry.of("SHARING_AUTHORISATION_WITHDRAWN", AuditEntry.Outcome.SUCCESS,
				Map.of("authorisationId", authorisationId, "reason", why)).aboutSubject(a.subjectCode(), null));
		return store.authorisation(authorisationId).orElseThrow();
	}

	private Organisation organisation(String code) {
		if (code == null || code.isBlank()) {
			throw DomainException.badRequest("SHARING_ORGANISATION_REQUIRED");
		}
		return organisations.byCode(code.strip().toUpperCase(java.util.Locale.ROOT))
			.orElseThrow(() -> DomainException.unprocessable("SHARING_ORGANISATION_UNKNOWN", code.strip()));
	}

	private CatalogItem item(String code) {
		if (code == null || code.isBlank()) {
			throw DomainException.badRequest("SHARING_ITEM_REQUIRED");
		}
		return catalogs.publishedItem(code.strip())
			.map(PublishedItem::item)
			.orElseThrow(() -> DomainException.unprocessable("SHARING_ITEM_UNKNOWN", code.strip()));
	}

	private static Set<SharingPurpose> purposes(List<String> codes) {
		Set<SharingPurpose> purposes = EnumSet.noneOf(SharingPurpose.class);
		List<String> invalid = new ArrayList<>();
		for (String code : codes == null ? List.<String>of() : codes) {
			if (code == null || code.isBlank()) {
				continue;
			}
			SharingPurpose.parse(code).ifPresentOrElse(purposes::add, () -> invalid.add(code));
		}
		if (!invalid.isEmpty()) {
			throw DomainException.badRequest("SHARING_PURPOSE_INVALID", String.join(", ", invalid));
		}
		if (purposes.isEmpty()) {
			throw DomainException.badRequest("SHARING_PURPOSES_REQUIRED");
		}
		return purposes;
	}

	private static void checkPeriod(LocalDate from, LocalDate until) {
		if (until != null && until.isBefore(from)) {
			throw DomainException.badRequest("SHARING_PERIOD_INVALID", from.toString(), until.toString());
		}
	}

	private static String requireReason(String reason) {
		String why = text(reason);
		if (why == null) {
			throw DomainException.badRequest("SHARING_REASON_REQUIRED");
		}
		return why;
	}

	/** Stripped text, null when blank; refused when longer than {@value #TEXT_LIMIT} characters. */
	static String text(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		String t = s.strip();
		if (t.length() > TEXT_LIMIT) {
			throw DomainException.badRequest("SHARING_TEXT_TOO_LONG", TEXT_LIMIT);
		}
		return t;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
