package org.xinyong.catalog.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.access.Organisation;
import org.xinyong.access.OrganisationKind;
import org.xinyong.access.Organisations;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditEntry.Outcome;
import org.xinyong.audit.AuditLog;
import org.xinyong.catalog.InfoCategory;
import org.xinyong.catalog.PublishedItem;
import org.xinyong.platform.DomainException;

/**
 * Who may provide what: assignments of providers to items (art. 24, 28) and collector agreements (art. 29),
 * managed by platform administrators. Ending an assignment or terminating an agreement records the end; nothing is
 * deleted. Every change is audited.
 */
@Service
public class Provision {

	private final ItemProviders providers;
	private final CollectorAgreements agreements;
	private final CatalogService catalogs;
	private final Organisations organisations;
	private final AuditLog audit;
	private final Clock clock;

	Provision(ItemProviders providers, CollectorAgreements agreements, CatalogService catalogs,
			Organisations organisations, AuditLog audit, Clock clock) {
		this.providers = providers;
		this.agreements = agreements;
		this.catalogs = catalogs;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** Assigns an organisation to provide an item from a date (today when null). */
	@Transactional
	public Assignment assign(long organisationId, String itemCode, LocalDate validFrom, String note, Actor actor) {
		Organisation organisation = organisation(organisationId);
		String code = item(itemCode);
		if (providers.open(organisationId, code).isPresent()) {
			throw DomainException.conflict("CATALOG_ASSIGNMENT_EXISTS", organisation.name(), code);
		}
		LocalDate from = validFrom == null ? today() : validFrom;
		long id = providers.add(organisationId, code, from, SupplementaryCatalogs.trimToNull(note), now(), actor.name());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("assignmentId", id);
		detail.put("organisationId", organisationId);
		detail.put("organisationCode", organisation.code());
		detail.put("item", code);
		detail.put("validFrom", from.toString());
		audit.record(AuditEntry.of("CATALOG_PROVIDER_ASSIGNED", Outcome.SUCCESS, detail));
		return providers.byId(id).orElseThrow();
	}

	/** Ends an assignment: from {@code endedOn} (today when null) the organisation no longer provides the item. */
	@Transactional
	public Assignment endAssignment(long id, LocalDate endedOn, String reason, Actor actor) {
		Assignment a = providers.byId(id).orElseThrow(() -> DomainException.notFound("CATALOG_ASSIGNMENT_UNKNOWN", id));
		if (a.ended()) {
			throw DomainException.conflict("CATALOG_ASSIGNMENT_ENDED", id, a.endedOn());
		}
		if (SupplementaryCatalogs.blank(reason)) {
			throw DomainException.badRequest("CATALOG_REASON_REQUIRED");
		}
		LocalDate on = endedOn == null ? today() : endedOn;
		if (on.isBefore(a.validFrom())) {
			throw DomainException.badRequest("CATALOG_DATE_ORDER", a.validFrom(), on);
		}
		providers.end(id, on, reason.strip(), now(), actor.name());
		audit.record(AuditEntry.of("CATALOG_PROVIDER_ENDED", Outcome.SUCCESS, Map.of("assignmentId", id,
				"organisationId", a.organisationId(), "item", a.itemCode(), "endedOn", on.toString(), "reason",
				reason.strip())));
		return providers.byId(id).orElseThrow();
	}

	/** What it takes to register a collector agreement. */
	public record NewAgreement(long organisationId, String agreementNumber, LocalDate validFrom, LocalDate validTo,
			List<String> itemCodes, String note) {
	}

	/** Registers an agreement under which a collector provides the items it names (art. 29). */
	@Transactional
	public Agreement register(NewAgreement n, Actor actor) {
		Organisation organisation = organisation(n.organisationId());
		if (organisation.kind() != OrganisationKind.COLLECTOR) {
			throw DomainException.unprocessable("CATALOG_COLLECTOR_REQUIRED", organisation.name());
		}
		if (SupplementaryCatalogs.blank(n.agreementNumber()) || n.validFrom() == null || n.validTo() == null) {
			throw DomainException.badRequest("CATALOG_AGREEMENT_INCOMPLETE");
		}
		if (n.validTo().isBefore(n.validFrom())) {
			throw DomainException.badRequest("CATALOG_DATE_ORDER", n.validFrom(), n.validTo());
		}
		String number = n.agreementNumber().strip();
		if (agreements.byNumber(n.organisationId(), number).isPresent()) {
			throw DomainException.conflict("CATALOG_AGREEMENT_NUMBER_TAKEN", number);
		}
		List<String> codes = new ArrayList<>();
		for (String raw : new LinkedHashSet<>(n.itemCodes() == null ? List.<String>of() : n.itemCodes())) {
			if (!SupplementaryCatalogs.blank(raw)) {
				codes.add(item(raw));
			}
		}
		if (codes.isEmpty()) {
			throw DomainException.badRequest("CATALOG_AGREEMENT_INCOMPLETE");
		}
		long id = agreements.add(n.organisationId(), number, n.validFrom(), n.validTo(), codes,
				SupplementaryCatalogs.trimToNull(n.note()), now(), actor.name());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("agreementId", id);
		detail.put("organisationId", n.organisationId());
		detail.put("organisationCode", organisation.code());
		detail.put("agreementNumber", number);
		detail.put("validFrom", n.validFrom().toString());
		detail.put("validTo", n.validTo().toString());
		detail.put("items", codes);
		audit.record(AuditEntry.of("CATALOG_AGREEMENT_REGISTERED", Outcome.SUCCESS, detail));
		return agreements.byId(id).orElseThrow();
	}

	/** Terminates an agreement early: from {@code on} (today when null) it no longer applies. */
	@Transactional
	public Agreement terminate(long id, LocalDate on, String reason, Actor actor) {
		Agreement a = agreements.byId(id).orElseThrow(() -> DomainException.notFound("CATALOG_AGREEMENT_UNKNOWN", id));
		if (a.terminatedOn() != null) {
			throw DomainException.conflict("CATALOG_AGREEMENT_TERMINATED", a.agreementNumber(), a.terminatedOn());
		}
		if (SupplementaryCatalogs.blank(reason)) {
			throw DomainException.badRequest("CATALOG_REASON_REQUIRED");
		}
		LocalDate date = on == null ? today() : on;
		if (date.isBefore(a.validFrom())) {
			throw DomainException.badRequest("CATALOG_DATE_ORDER", a.validFrom(), date);
		}
		agreements.terminate(id, date, reason.strip(), now(), actor.name());
		audit.record(AuditEntry.of("CATALOG_AGREEMENT_TERMINATED", Outcome.SUCCESS, Map.of("agreementId", id,
				"agreementNumber", a.agreementNumber(), "terminatedOn", date.toString(), "reason", reason.strip())));
		return agreements.byId(id).orElseThrow();
	}

	private Organisation organisation(long id) {
		return organisations.byId(id).orElseThrow(() -> DomainException.badRequest("CATALOG_ORGANISATION_UNKNOWN", id));
	}

	/** The code of an item in force that providers may be given (not self-declarations). */
	private String item(String raw) {
		String code = raw == null ? "" : raw.strip();
		PublishedItem item = catalogs.publishedItem(code)
			.orElseThrow(() -> DomainException.notFound(CatalogService.ITEM_UNKNOWN, code));
		if (item.item().category() == InfoCategory.VOLUNTARY) {
			throw DomainException.unprocessable(CatalogService.SELF_DECLARATION_ONLY, code);
		}
		return code;
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
