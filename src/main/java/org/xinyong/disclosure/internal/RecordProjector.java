package org.xinyong.disclosure.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.access.Organisation;
import org.xinyong.access.Organisations;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.Catalogs;
import org.xinyong.catalog.Openness;
import org.xinyong.catalog.PublishedItem;
import org.xinyong.disclosure.DisclosurePolicy;
import org.xinyong.disclosure.DisclosureWindow;
import org.xinyong.disclosure.PublicMasking;
import org.xinyong.disclosure.ReportGroup;
import org.xinyong.ingest.BulkLoads;
import org.xinyong.ingest.CreditRecordsChanged;
import org.xinyong.ingest.RecordVersionRef;
import org.xinyong.subject.SubjectType;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the website's read model ({@code disclosed_record}) in step with the record versions: for every committed
 * batch, the current version of each touched record is masked, given its disclosure window under the rules that
 * governed its decision, and upserted. Runs from the persisted event publication (no loss on crash); an older
 * version never replaces a newer one, so batches may arrive in any order. The read model is derived data: it can
 * be rebuilt from {@code record_version} at any time ({@link #rebuild}).
 */
@Component
class RecordProjector {

	static final long LOCK = 7261005L;
	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RecordProjector.class);
	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};
	private static final String[] AUTHORITY_FIELDS = { "authority", "court", "awardingUnit", "registrationAuthority",
			"executionBasisUnit" };
	private static final String[] TYPE_FIELDS = { "penaltyType", "licenceCategory", "listName", "honourLevel" };

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Catalogs catalogs;
	private final DisclosurePolicy policy;
	private final Organisations organisations;
	private final SearchIndex search;
	private final org.springframework.transaction.support.TransactionTemplate tx;
	private final BulkLoads bulkLoads;

	RecordProjector(JdbcClient jdbc, JsonMapper json, Catalogs catalogs, DisclosurePolicy policy,
			Organisations organisations, SearchIndex search,
			org.springframework.transaction.PlatformTransactionManager transactions, BulkLoads bulkLoads) {
		this.bulkLoads = bulkLoads;
		this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.jdbc = jdbc;
		this.json = json;
		this.catalogs = catalogs;
		this.policy = policy;
		this.organisations = organisations;
		this.search = search;
	}

	/**
	 * Like an {@code @ApplicationModuleListener}, but it first lets a running file load finish
	 * ({@link BulkLoads#awaitIdle()}) without holding a connection, so that projecting does not slow ingestion.
	 */
	@Async(BulkLoads.EXECUTOR)
	@TransactionalEventListener
	void on(CreditRecordsChanged event) throws InterruptedException {
		bulkLoads.awaitIdle();
		List<UUID> records = event.versions().stream().map(RecordVersionRef::recordId).distinct().toList();
		tx.executeWithoutResult(status -> project(records));
	}

	/** Projects the current versions of the given records and refreshes their subjects' search entries. */
	@Transactional
	public void project(List<UUID> recordIds) {
		if (recordIds.isEmpty()) {
			return;
		}
		List<Current> rows = jdbc.sql(CURRENT + " where rv.record_id = any(cast(? as uuid[]))"
				+ " order by rv.record_id, rv.version_no desc")
			.param(recordIds.stream().map(UUID::toString).toArray(String[]::new))
			.query((rs, n) -> current(rs))
			.list();
		write(rows, new Lookups(), true);
	}

	/**
	 * Rebuilds the whole read model from the record versions, in batches (e.g. after the disclosure policy changed).
	 *
	 * @return the number of records projected
	 */
	public long rebuild(Consumer<Long> progress) {
		Lookups lookups = new Lookups();
		long done = 0;
		String last = "00000000-0000-0000-0000-000000000000";
		while (true) {
			List<Current> batch = jdbc.sql(CURRENT + " where rv.record_id > cast(? as uuid)"
					+ " order by rv.record_id, rv.version_no desc limit " + BATCH)
				.param(last)
				.query((rs, n) -> current(rs))
				.list();
			if (batch.isEmpty()) {
				refreshAllSubjects();
				return done;
			}
			tx.executeWithoutResult(status -> write(batch, lookups, false));
			done += batch.size();
			last = batch.get(batch.size() - 1).recordId().toString();
			progress.accept(done);
		}
	}

	static final int BATCH = 5_000;

	/** Brings every subject's search entry up to date, in chunks of subject ids (after a rebuild). */
	private void refreshAllSubjects() {
		long last = 0;
		while (true) {
			List<Long> ids = jdbc.sql("select id from credit_subject where id > ? order by id limit 20000")
				.param(last)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				return;
			}
			tx.executeWithoutResult(status -> {
				jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
				search.refresh(ids);
			});
			last = ids.get(ids.size() - 1);
		}
	}

	private static final String CURRENT = """
			select distinct on (rv.record_id) rv.record_id, rv.version_no, rv.kind, rv.catalog_item, rv.provider_id,
			       rv.subject_id, rv.payload::text as payload, rv.decision_date, rv.severity, rv.recorded_at,
			       s.code, s.subject_type
			from record_version rv join credit_subject s on s.id = rv.subject_id""";

	record Current(UUID recordId, int versionNo, String kind, String item, long providerId, long subjectId,
			String payload, LocalDate decisionDate, String severity, Timestamp recordedAt, String code,
			SubjectType subjectType) {
	}

	private static Current current(java.sql.ResultSet rs) throws java.sql.SQLException {
		java.sql.Date decided = rs.getDate("decision_date");
		return new Current(rs.getObject("record_id", UUID.class), rs.getInt("version_no"), rs.getString("kind"),
				rs.getString("catalog_item"), rs.getLong("provider_id"), rs.getLong("subject_id"),
				rs.getString("payload"), decided == null ? null : decided.toLocalDate(), rs.getString("severity"),
				rs.getTimestamp("recorded_at"), rs.getString("code"), SubjectType.valueOf(rs.getString("subject_type")));
	}

	/** Per-run caches of items and provider names. */
	private final class Lookups {

		final Map<String, Optional<CatalogItem>> items = new HashMap<>();
		final Map<Long, String> providers = new HashMap<>();

		Optional<CatalogItem> item(String code) {
			return items.computeIfAbsent(code, c -> catalogs.publishedItem(c).map(PublishedItem::item));
		}

		String provider(long id) {
			return providers.computeIfAbsent(id, i -> organisations.byId(i).map(Organisation::name).orElse(null));
		}
	}

	private void write(List<Current> rows, Lookups lookups, boolean refreshSearch) {
		if (rows.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		int n = rows.size();
		String[] ids = new String[n];
		Integer[] versions = new Integer[n];
		Long[] subjects = new Long[n];
		String[] types = new String[n];
		String[] codes = new String[n];
		String[] names = new String[n];
		String[] items = new String[n];
		String[] groups = new String[n];
		Boolean[] shown = new Boolean[n];
		String[] regimes = new String[n];
		String[] from = new String[n];
		String[] until = new String[n];
		String[] minimum = new String[n];
		String[] decided = new String[n];
		String[] authorities = new String[n];
		String[] typeLabels = new String[n];
		String[] sources = new String[n];
		Timestamp[] updated = new Timestamp[n];
		String[] values = new String[n];
		Set<Long> touchedSubjects = new LinkedHashSet<>();
		for (int i = 0; i < n; i++) {
			Current c = rows.get(i);
			Map<String, Object> payload = json.readValue(c.payload(), MAP);
			Optional<CatalogItem> found = lookups.item(c.item());
			ReportGroup group = found.map(ReportGroup::of).orElse(ReportGroup.OTHER);
			Openness openness = found.map(CatalogItem::openness).orElse(Openness.NON_PUBLIC);
			DisclosureWindow window = c.decisionDate() == null ? DisclosureWindow.unlimited(null)
					: policy.window(c.item(), c.severity(), c.decisionDate());
			Map<String, Object> masked = found.map(item -> PublicMasking.mask(item, c.subjectType(), payload))
				.orElse(Map.of());
			boolean person = c.subjectType() == SubjectType.NATURAL_PERSON;
			ids[i] = c.recordId().toString();
			versions[i] = c.versionNo();
			subjects[i] = c.subjectId();
			types[i] = c.subjectType().name();
			codes[i] = person ? PublicMasking.mask(org.xinyong.catalog.Masking.ID_NUMBER, c.code()) : c.code();
			Object name = payload.get("subjectName");
			names[i] = name == null ? null
					: person ? PublicMasking.mask(org.xinyong.catalog.Masking.PERSON_NAME, name.toString())
							: name.toString();
			items[i] = c.item();
			groups[i] = group.name();
			shown[i] = openness == Openness.PUBLIC && !c.kind().equals("REVOKED") && window.disclosed();
			regimes[i] = window.regime();
			from[i] = text(window.from());
			until[i] = text(window.until());
			minimum[i] = text(window.minimumUntil());
			decided[i] = text(c.decisionDate());
			authorities[i] = first(payload, AUTHORITY_FIELDS);
			typeLabels[i] = first(payload, TYPE_FIELDS);
			String source = first(payload, "sourceUnit");
			sources[i] = source != null ? source : lookups.provider(c.providerId());
			updated[i] = c.recordedAt();
			values[i] = json.writeValueAsString(masked);
			touchedSubjects.add(c.subjectId());
		}
		long prepared = System.nanoTime();
		jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
		jdbc.sql("""
				insert into disclosed_record (record_id, version_no, subject_id, subject_type, subject_code, subject_name,
				    catalog_item, report_group, shown, regime, shown_from, shown_until, minimum_until, decision_date,
				    authority, type_label, source_unit, updated_at, public_values)
				select * from unnest(cast(? as uuid[]), cast(? as int[]), cast(? as bigint[]), cast(? as text[]),
				    cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as boolean[]),
				    cast(? as text[]), cast(? as date[]), cast(? as date[]), cast(? as date[]), cast(? as date[]),
				    cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as timestamptz[]), cast(? as jsonb[]))
				on conflict (record_id) do update set version_no = excluded.version_no, subject_id = excluded.subject_id,
				    subject_type = excluded.subject_type, subject_code = excluded.subject_code,
				    subject_name = excluded.subject_name, catalog_item = excluded.catalog_item,
				    report_group = excluded.report_group, shown = excluded.shown, regime = excluded.regime,
				    shown_from = excluded.shown_from, shown_until = excluded.shown_until,
				    minimum_until = excluded.minimum_until, decision_date = excluded.decision_date,
				    authority = excluded.authority, type_label = excluded.type_label, source_unit = excluded.source_unit,
				    updated_at = excluded.updated_at, public_values = excluded.public_values
				where disclosed_record.version_no <= excluded.version_no""")
			.params(ids, versions, subjects, types, codes, names, items, groups, shown, regimes, from, until, minimum,
					decided, authorities, typeLabels, sources, updated, values)
			.update();
		long upserted = System.nanoTime();
		if (refreshSearch) {
			search.refresh(touchedSubjects);
		}
		if (log.isDebugEnabled()) {
			log.debug("projected {} records: prepare {} ms, upsert {} ms, search {} ms", n, (prepared - started) / 1_000_000,
					(upserted - prepared) / 1_000_000, (System.nanoTime() - upserted) / 1_000_000);
		}
	}

	private static String text(LocalDate date) {
		return date == null ? null : date.toString();
	}

	private static String first(Map<String, Object> payload, String... keys) {
		for (String key : keys) {
			Object v = payload.get(key);
			if (v != null && !v.toString().isBlank()) {
				return v.toString();
			}
		}
		return null;
	}
}
