package org.xinyong.lists.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.disclosure.Disclosures;
import org.xinyong.ingest.CreditRecords;
import org.xinyong.ingest.CreditRecordsChanged;
import org.xinyong.ingest.RecordVersionRef;
import org.xinyong.ingest.VersionKind;
import org.xinyong.lists.RewardList;
import org.xinyong.lists.SeriousDishonestyList;
import org.xinyong.repair.CreditRepaired;
import org.xinyong.repair.RepairOutcome;

/**
 * What the lists do when other modules' facts change, from the persisted event outbox (republished after a crash;
 * both reactions are idempotent): a newly disclosed dishonesty record ends the subject's reward entries; a repair
 * granted with {@link RepairOutcome#REMOVE_FROM_LIST} removes the subject's serious-dishonesty entry.
 */
@Component
class ListListeners {

	private final RewardList rewards;
	private final SeriousDishonestyList serious;
	private final Disclosures disclosures;
	private final CreditRecords records;

	ListListeners(RewardList rewards, SeriousDishonestyList serious, Disclosures disclosures, CreditRecords records) {
		this.rewards = rewards;
		this.serious = serious;
		this.disclosures = disclosures;
		this.records = records;
	}

	@ApplicationModuleListener
	void on(CreditRecordsChanged event) {
		LocalDate today = rewards.today();
		Map<String, Optional<CatalogItem>> items = new HashMap<>();
		Map<Long, RecordVersionRef> bySubject = new LinkedHashMap<>();
		for (RecordVersionRef v : event.versions()) {
			if (v.kind() == VersionKind.REVOKED || bySubject.containsKey(v.subjectId())) {
				continue;
			}
			Optional<CatalogItem> item = items.computeIfAbsent(v.catalogItem(), rewards::dishonestyItem);
			if (item.isPresent() && disclosures.disclosedOn(v.catalogItem(), item.get().openness(), false,
					v.severity(), v.decisionDate(), today)) {
				bySubject.put(v.subjectId(), v);
			}
		}
		for (Long subjectId : rewards.withOpenEntries(bySubject.keySet())) {
			RecordVersionRef v = bySubject.get(subjectId);
			String name = items.get(v.catalogItem()).map(CatalogItem::name).orElse(v.catalogItem());
			rewards.lapse(subjectId, "出现失信信息：" + name + "（" + v.recordId() + "）", "record:" + v.recordId());
		}
	}

	@ApplicationModuleListener
	void on(CreditRepaired event) {
		if (event.outcome() != RepairOutcome.REMOVE_FROM_LIST) {
			return;
		}
		serious.removeByRepair(event.subjectId(), documentNumber(event), event.applicationNumber());
	}

	/** The repaired record's decision document number (its item's basis-document field), if it has one. */
	private String documentNumber(CreditRepaired event) {
		return records.byId(event.recordId())
			.flatMap(r -> rewards.dishonestyItem(r.catalogItem())
				.map(CatalogItem::basisDocumentField)
				.map(field -> r.current().payload().get(field)))
			.map(String::valueOf)
			.orElse(null);
	}
}
