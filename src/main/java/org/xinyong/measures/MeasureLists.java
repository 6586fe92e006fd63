package org.xinyong.measures;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.xinyong.measures.internal.EditionFile;
import org.xinyong.platform.DomainException;

/**
 * The national base list in editions (the shipped one and imported official editions, all kept), and the measures
 * in force: the current base edition plus the published supplementary lists. The measures in force are cached in
 * memory and reloaded after any import or publication commits.
 */
@Service
public class MeasureLists {

	static final String ENTRY_COLUMNS = """
			measure_id, kind, grp, text, basis, implementing_unit, provenance, source, applies_to, matters""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private volatile List<Measure> inForce;

	MeasureLists(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The current edition (the latest imported). */
	public Edition currentEdition() {
		return jdbc.sql("select * from measure_edition order by id desc limit 1").query(MeasureLists::edition).single();
	}

	/** Every edition, newest first. */
	public List<Edition> editions() {
		return jdbc.sql("select * from measure_edition order by id desc").query(MeasureLists::edition).list();
	}

	/** The measures of an edition, in its order. */
	public List<Measure> edition(long editionId) {
		return jdbc.sql("select " + ENTRY_COLUMNS + " from measure_edition_entry where edition_id = ? order by position")
			.param(editionId)
			.query((rs, n) -> baseMeasure(rs, "BASE:" + editionId))
			.list();
	}

	/** The base list in force, with each entry's provenance. */
	public List<Measure> baseList() {
		return edition(currentEdition().id());
	}

	/**
	 * Every measure in force, from the current base edition and the published supplementary lists (art. 46: only
	 * these may be applied). Answered from memory.
	 */
	public List<Measure> inForce() {
		List<Measure> cached = inForce;
		if (cached == null) {
			List<Measure> loaded = new ArrayList<>(baseList());
			loaded.addAll(jdbc.sql("""
					select m.*, l.id as list_id from supplementary_list_measure m join supplementary_list l on l.id = m.list_id
					where exists (select 1 from supplementary_list_event e where e.list_id = l.id and e.status = 'PUBLISHED')
					  and not exists (select 1 from supplementary_list n join supplementary_list_event ne on ne.list_id = n.id
					                  where n.supersedes = l.id and ne.status = 'PUBLISHED')
					order by l.id, m.id""").query(MeasureLists::supplementaryMeasure).list());
			cached = List.copyOf(loaded);
			inForce = cached;
		}
		return cached;
	}

	/** Forgets the cached measures in force once the current transaction commits. */
	void invalidateAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					inForce = null;
				}
			});
		}
		else {
			inForce = null;
		}
	}

	/**
	 * Imports an official edition of the base list (JSON or CSV, see docs/lists.md). The whole file is validated
	 * first; any problem refuses it (422 {@code MEASURE_IMPORT_INVALID} naming the rows). It becomes the current
	 * edition; earlier editions are kept.
	 */
	@Transactional
	public Edition importEdition(String label, String source, String format, byte[] content, String actor) {
		if (label == null || label.isBlank()) {
			throw DomainException.unprocessable("MEASURE_FIELD_REQUIRED", "label");
		}
		String fmt = format == null ? "" : format.trim().toUpperCase(java.util.Locale.ROOT);
		if (!fmt.equals("JSON") && !fmt.equals("CSV")) {
			throw DomainException.badRequest("MEASURE_IMPORT_FORMAT", format);
		}
		List<Map<String, Object>> rows = EditionFile.parse(fmt, new String(content, StandardCharsets.UTF_8));
		if (rows.isEmpty()) {
			throw DomainException.unprocessable("MEASURE_IMPORT_EMPTY");
		}
		List<String> problems = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		List<Measure> measures = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Measure m = validate(rows.get(i), i + 1, problems);
			if (m != null && !ids.add(m.id())) {
				problems.add("#" + (i + 1) + " measureId " + m.id() + " (duplicate)");
			}
			measures.add(m);
		}
		if (!problems.isEmpty()) {
			throw DomainException.unprocessable("MEASURE_IMPORT_INVALID",
					String.join("; ", problems.subList(0, Math.min(20, problems.size()))));
		}
		long id = jdbc.sql("""
				insert into measure_edition (label, source, format, entries, imported_by, imported_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(label.trim(), source == null || source.isBlank() ? null : source.trim(), fmt, measures.size(), actor,
					Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		int position = 0;
		for (Measure m : measures) {
			jdbc.sql("""
					insert into measure_edition_entry (edition_id, measure_id, position, kind, grp, text, basis,
					    implementing_unit, provenance, source, applies_to, matters)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as text[]), cast(? as text[]))""")
				.params(id, m.id(), ++position, m.kind().name(), m.group(), m.text(), m.basis(), m.implementingUnit(),
						m.provenance(), m.source(), pgArray(m.appliesTo()), pgArray(m.matters()))
				.update();
			jdbc.sql("""
					insert into base_measure (id, kind, grp, text, basis, provenance, source) values (?, ?, ?, ?, ?, ?, ?)
					on conflict (id) do nothing""")
				.params(m.id(), m.kind().name(), m.group(), m.text(), m.basis(), m.provenance(), m.source())
				.update();
		}
		invalidateAfterCommit();
		return jdbc.sql("select * from measure_edition where id = ?").param(id).query(MeasureLists::edition).single();
	}

	private static final Set<String> GROUPS = Set.of("RIGHTS_UNDER_LAW", "MANAGEMENT", "MARKET_AND_INDUSTRY",
			"INCENTIVE");

	private static Measure validate(Map<String, Object> row, int n, List<String> problems) {
		int before = problems.size();
		String id = text(row, "measureId", n, problems);
		MeasureKind kind = one(row, "kind", n, problems, MeasureKind::valueOf);
		String group = text(row, "group", n, problems);
		if (group != null && !GROUPS.contains(group)) {
			problems.add("#" + n + " group " + group);
		}
		String text = text(row, "text", n, problems);
		String basis = text(row, "basis", n, problems);
		String unit = text(row, "implementingUnit", n, problems);
		String provenance = text(row, "provenance", n, problems);
		String source = row.get("source") == null || row.get("source").toString().isBlank() ? null
				: row.get("source").toString().trim();
		if (provenance != null && !provenance.equals("VERIFIED") && !provenance.equals("UNVERIFIED")) {
			problems.add("#" + n + " provenance " + provenance);
		}
		if ("VERIFIED".equals(provenance) && source == null) {
			problems.add("#" + n + " source (required when VERIFIED)");
		}
		Set<ListTarget> targets = many(row, "appliesTo", n, problems, ListTarget::valueOf, ListTarget.class);
		Set<Matter> matters = many(row, "matters", n, problems, Matter::valueOf, Matter.class);
		if (kind == MeasureKind.INCENTIVE && targets != null && !targets.equals(EnumSet.of(ListTarget.REWARD))) {
			problems.add("#" + n + " appliesTo (an incentive applies to REWARD only)");
		}
		if (kind == MeasureKind.PUNISHMENT && targets != null && targets.contains(ListTarget.REWARD)) {
			problems.add("#" + n + " appliesTo (a punishment never applies to REWARD)");
		}
		if (problems.size() > before) {
			return null;
		}
		return new Measure(id, kind, group, text, basis, unit, provenance, source, targets, matters, null, null, null);
	}

	private static String text(Map<String, Object> row, String field, int n, List<String> problems) {
		Object v = row.get(field);
		if (v == null || v.toString().isBlank()) {
			problems.add("#" + n + " " + field + " (missing)");
			return null;
		}
		return v.toString().trim();
	}

	private static <T> T one(Map<String, Object> row, String field, int n, List<String> problems,
			Function<String, T> parse) {
		String v = text(row, field, n, problems);
		if (v == null) {
			return null;
		}
		try {
			return parse.apply(v);
		}
		catch (IllegalArgumentException e) {
			problems.add("#" + n + " " + field + " " + v);
			return null;
		}
	}

	private static <T extends Enum<T>> Set<T> many(Map<String, Object> row, String field, int n,
			List<String> problems, Function<String, T> parse, Class<T> type) {
		Object v = row.get(field);
		List<String> values = new ArrayList<>();
		if (v instanceof List<?> list) {
			list.forEach(o -> values.add(String.valueOf(o).trim()));
		}
		else if (v != null) {
			Arrays.stream(v.toString().split("[|;,]")).map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add);
		}
		if (values.isEmpty()) {
			problems.add("#" + n + " " + field + " (missing)");
			return null;
		}
		Set<T> out = EnumSet.noneOf(type);
		for (String s : values) {
			try {
				out.add(parse.apply(s));
			}
			catch (IllegalArgumentException e) {
				problems.add("#" + n + " " + field + " " + s);
				return null;
			}
		}
		return out;
	}

	static String pgArray(Set<? extends Enum<?>> values) {
		return "{" + String.join(",", values.stream().map(Enum::name).sorted().toList()) + "}";
	}

	private static Edition edition(ResultSet rs, int n) throws SQLException {
		return new Edition(rs.getLong("id"), rs.getString("label"), rs.getString("source"), rs.getString("format"),
				rs.getInt("entries"), rs.getString("imported_by"), rs.getTimestamp("imported_at").toInstant());
	}

	private static Measure baseMeasure(ResultSet rs, String list) throws SQLException {
		return new Measure(rs.getString("measure_id"), MeasureKind.valueOf(rs.getString("kind")), rs.getString("grp"),
				rs.getString("text"), rs.getString("basis"), rs.getString("implementing_unit"),
				rs.getString("provenance"), rs.getString("source"),
				enums(rs.getArray("applies_to"), ListTarget::valueOf, ListTarget.class),
				enums(rs.getArray("matters"), Matter::valueOf, Matter.class), null, list, null);
	}

	static Measure supplementaryMeasure(ResultSet rs, int n) throws SQLException {
		return new Measure("S-" + rs.getLong("id"), MeasureKind.PUNISHMENT, "SUPPLEMENTARY", rs.getString("measure"),
				rs.getString("basis"), rs.getString("implementing_unit"), "VERIFIED",
				"supplementary-list:" + rs.getLong("list_id"),
				enums(rs.getArray("applies_to"), ListTarget::valueOf, ListTarget.class),
				enums(rs.getArray("matters"), Matter::valueOf, Matter.class), rs.getString("base_measure_id"),
				"SUPPLEMENTARY:" + rs.getLong("list_id"), rs.getString("target"));
	}

	static <T extends Enum<T>> Set<T> enums(Array array, Function<String, T> parse, Class<T> type)
			throws SQLException {
		Set<T> out = EnumSet.noneOf(type);
		for (Object o : (Object[]) array.getArray()) {
			out.add(parse.apply((String) o));
		}
		return out;
	}

	/** The measure of the current edition with this id, if any. */
	public java.util.Optional<Measure> baseMeasure(String id) {
		return baseList().stream().filter(m -> m.id().equals(id)).findFirst();
	}

	/** Counts by provenance of the current edition, for the console. */
	public Map<String, Long> provenanceCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		baseList().forEach(m -> counts.merge(m.provenance(), 1L, Long::sum));
		return counts;
	}
}
