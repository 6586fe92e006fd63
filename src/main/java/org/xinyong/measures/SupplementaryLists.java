package org.xinyong.measures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.platform.DomainException;

/**
 * Supplementary lists (补充清单, art. 45) of the region and of the cities. A list is drafted with its measures, each
 * under a punishment measure of the base list in force and never wider than it (targets and matters); it then goes
 * through public consultation (comments recorded), approval by the government at its level and publication; a
 * city list is then filed (备案) with the region. Nothing is changed in place: an update is a new list that
 * supersedes the published one once it is published itself.
 */
@Service
public class SupplementaryLists {

	/** A measure to add to a draft list; {@code appliesTo}/{@code matters} default to the base measure's. */
	public record MeasureDraft(String baseMeasureId, String target, String measure, String basis,
			String implementingUnit, Set<ListTarget> appliesTo, Set<Matter> matters) {
	}

	private static final Map<SupplementaryStatus, SupplementaryStatus> NEXT = Map.of(SupplementaryStatus.DRAFT,
			SupplementaryStatus.CONSULTATION, SupplementaryStatus.CONSULTATION, SupplementaryStatus.APPROVED,
			SupplementaryStatus.APPROVED, SupplementaryStatus.PUBLISHED, SupplementaryStatus.PUBLISHED,
			SupplementaryStatus.FILED);

	private final JdbcClient jdbc;
	private final MeasureLists base;
	private final Clock clock;

	SupplementaryLists(JdbcClient jdbc, MeasureLists base, Clock clock) {
		this.jdbc = jdbc;
		this.base = base;
		this.clock = clock;
	}

	/** Starts a draft list; {@code supersedes} names the published list it will replace, if any. */
	@Transactional
	public SupplementaryList create(String level, String regionCode, String regionName, String title, Long supersedes,
			String actor) {
		require("level", level);
		require("regionCode", regionCode);
		require("regionName", regionName);
		require("title", title);
		String lvl = level.trim().toUpperCase(java.util.Locale.ROOT);
		if (!lvl.equals("REGION") && !lvl.equals("CITY")) {
			throw DomainException.unprocessable("MEASURE_LIST_LEVEL_INVALID", level);
		}
		if (supersedes != null) {
			SupplementaryList old = byId(supersedes)
				.orElseThrow(() -> DomainException.notFound("MEASURE_LIST_UNKNOWN", supersedes));
			if (!old.published()) {
				throw DomainException.unprocessable("MEASURE_LIST_SUPERSEDES_UNPUBLISHED", supersedes);
			}
		}
		long id = jdbc.sql("""
				insert into supplementary_list (level, region_code, region_name, title, supersedes, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(lvl, regionCode.trim(), regionName.trim(), title.trim(), supersedes, actor, now())
			.query(Long.class)
			.single();
		jdbc.sql("insert into supplementary_list_event (list_id, status, note, actor, at) values (?, 'DRAFT', null, ?, ?)")
			.params(id, actor, now())
			.update();
		return byId(id).orElseThrow();
	}

	/**
	 * Adds a measure to a draft list. Refused without a base measure ({@code MEASURE_BASE_REQUIRED}), with one that is
	 * not a punishment measure of the base list in force ({@code MEASURE_BASE_UNKNOWN}), or wider than it
	 * ({@code MEASURE_BEYOND_BASE}): art. 45.
	 */
	@Transactional
	public Measure addMeasure(long listId, MeasureDraft d, String actor) {
		SupplementaryList list = lockedList(listId);
		if (list.status() != SupplementaryStatus.DRAFT) {
			throw DomainException.conflict("MEASURE_LIST_NOT_DRAFT", listId, list.status());
		}
		if (d.baseMeasureId() == null || d.baseMeasureId().isBlank()) {
			throw DomainException.unprocessable("MEASURE_BASE_REQUIRED");
		}
		Measure under = base.baseMeasure(d.baseMeasureId().trim())
			.filter(m -> m.kind() == MeasureKind.PUNISHMENT)
			.orElseThrow(() -> DomainException.unprocessable("MEASURE_BASE_UNKNOWN", d.baseMeasureId()));
		require("target", d.target());
		require("measure", d.measure());
		require("basis", d.basis());
		require("implementingUnit", d.implementingUnit());
		Set<ListTarget> targets = d.appliesTo() == null || d.appliesTo().isEmpty() ? under.appliesTo() : d.appliesTo();
		Set<Matter> matters = d.matters() == null || d.matters().isEmpty() ? under.matters() : d.matters();
		if (!under.appliesTo().containsAll(targets) || !under.matters().containsAll(matters)) {
			throw DomainException.unprocessable("MEASURE_BEYOND_BASE", under.id());
		}
		long id = jdbc.sql("""
				insert into supplementary_list_measure (list_id, base_measure_id, target, measure, basis, implementing_unit,
				    applies_to, matters, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, cast(? as text[]), cast(? as text[]), ?, ?) returning id""")
			.params(listId, under.id(), d.target().trim(), d.measure().trim(), d.basis().trim(),
					d.implementingUnit().trim(), MeasureLists.pgArray(EnumSet.copyOf(targets)),
					MeasureLists.pgArray(EnumSet.copyOf(matters)), actor, now())
			.query(Long.class)
			.single();
		return byId(listId).orElseThrow()
			.measures()
			.stream()
			.filter(m -> m.id().equals("S-" + id))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Moves a list one step: DRAFT → CONSULTATION (needs a measure) → APPROVED → PUBLISHED → FILED (city lists only).
	 * Any other step is refused with 409 {@code MEASURE_LIST_TRANSITION_ILLEGAL}. Approval and filing need a note
	 * (the approving document, the filing reference).
	 */
	@Transactional
	public SupplementaryList advance(long listId, SupplementaryStatus to, String note, String actor) {
		SupplementaryList list = lockedList(listId);
		if (to == null || NEXT.get(list.status()) != to || (to == SupplementaryStatus.FILED && !"CITY".equals(list.level()))) {
			throw DomainException.conflict("MEASURE_LIST_TRANSITION_ILLEGAL", listId, list.status(), to);
		}
		if (to == SupplementaryStatus.CONSULTATION && list.measures().isEmpty()) {
			throw DomainException.unprocessable("MEASURE_LIST_EMPTY", listId);
		}
		if ((to == SupplementaryStatus.APPROVED || to == SupplementaryStatus.FILED) && (note == null || note.isBlank())) {
			throw DomainException.unprocessable("MEASURE_FIELD_REQUIRED", "note");
		}
		jdbc.sql("insert into supplementary_list_event (list_id, status, note, actor, at) values (?, ?, ?, ?, ?)")
			.params(listId, to.name(), note == null || note.isBlank() ? null : note.trim(), actor, now())
			.update();
		if (to == SupplementaryStatus.PUBLISHED) {
			base.invalidateAfterCommit();
		}
		return byId(listId).orElseThrow();
	}

	/** Records a comment of the public consultation; only while the list is in consultation. */
	@Transactional
	public SupplementaryList comment(long listId, String commenter, String text, String actor) {
		SupplementaryList list = lockedList(listId);
		if (list.status() != SupplementaryStatus.CONSULTATION) {
			throw DomainException.conflict("MEASURE_LIST_NOT_IN_CONSULTATION", listId, list.status());
		}
		require("commenter", commenter);
		require("text", text);
		jdbc.sql("insert into supplementary_list_comment (list_id, commenter, text, recorded_by, at) values (?, ?, ?, ?, ?)")
			.params(listId, commenter.trim(), text.trim(), actor, now())
			.update();
		return byId(listId).orElseThrow();
	}

	public Optional<SupplementaryList> byId(long id) {
		return jdbc.sql("select * from supplementary_list where id = ?").param(id).query(this::list).optional();
	}

	/** Every list, newest first. */
	public List<SupplementaryList> all() {
		return jdbc.sql("select * from supplementary_list order by id desc").query(this::list).list();
	}

	private SupplementaryList lockedList(long id) {
		jdbc.sql("select pg_advisory_xact_lock(7261045, cast(? as int))").param((int) id).query().singleRow();
		return byId(id).orElseThrow(() -> DomainException.notFound("MEASURE_LIST_UNKNOWN", id));
	}

	private SupplementaryList list(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		List<SupplementaryList.Step> history = jdbc
			.sql("select status, note, actor, at from supplementary_list_event where list_id = ? order by id")
			.param(id)
			.query((r, i) -> new SupplementaryList.Step(SupplementaryStatus.valueOf(r.getString("status")),
					r.getString("note"), r.getString("actor"), r.getTimestamp("at").toInstant()))
			.list();
		List<SupplementaryList.Comment> comments = jdbc
			.sql("select commenter, text, recorded_by, at from supplementary_list_comment where list_id = ? order by id")
			.param(id)
			.query((r, i) -> new SupplementaryList.Comment(r.getString("commenter"), r.getString("text"),
					r.getString("recorded_by"), r.getTimestamp("at").toInstant()))
			.list();
		List<Measure> measures = jdbc.sql("select * from supplementary_list_measure where list_id = ? order by id")
			.param(id)
			.query(MeasureLists::supplementaryMeasure)
			.list();
		long supersedes = rs.getLong("supersedes");
		Long superseded = rs.wasNull() ? null : supersedes;
		return new SupplementaryList(id, rs.getString("level"), rs.getString("region_code"), rs.getString("region_name"),
				rs.getString("title"), superseded, history.get(history.size() - 1).status(),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), history, comments,
				new ArrayList<>(measures));
	}

	private static void require(String field, String value) {
		if (value == null || value.isBlank()) {
			throw DomainException.unprocessable("MEASURE_FIELD_REQUIRED", field);
		}
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}
}
