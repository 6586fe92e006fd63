package org.xinyong.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.Zones;
import org.xinyong.subject.CreditSubject;
import org.xinyong.subject.CreditSubjects;
import org.xinyong.subject.SubjectType;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the credit website and the public API show: a subject's currently disclosed records, and the disclosed
 * records of an item for browsing (双公示). One implementation serves pages and API, so masking and disclosure
 * rules cannot differ between them. "Currently" is today in Asia/Shanghai, by the platform clock.
 */
@Service
public class PublicCreditInfo {

	public static final int PAGE_SIZE = 20;
	public static final int MAX_PAGE = 500;

	private static final TypeReference<java.util.LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	/** Shown today: inside its window and not ended early. */
	static final String SHOWN_ON = """
			shown and (shown_from is null or shown_from <= :day) and (shown_until is null or shown_until > :day)
			and (ended_on is null or ended_on > :day)""";

	private static final String COLUMNS = """
			record_id, version_no, catalog_item, report_group, subject_code, subject_name, subject_type, decision_date,
			authority, type_label, source_unit, updated_at, shown_until, public_values::text as public_values""";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final CreditSubjects subjects;
	private final Clock clock;

	PublicCreditInfo(JdbcClient jdbc, JsonMapper json, CreditSubjects subjects, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.subjects = subjects;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), Zones.DISPLAY);
	}

	/**
	 * The public page of an organisation (natural persons have none on the public website).
	 *
	 * @return empty when no such organisation is known
	 */
	public Optional<SubjectView> subject(String code) {
		Optional<CreditSubject> found = subjects.byCode(SearchText.normalise(code));
		if (found.isEmpty() || found.get().type() != SubjectType.ORGANISATION) {
			return Optional.empty();
		}
		CreditSubject s = found.get();
		List<PublicRecord> records = jdbc.sql("select " + COLUMNS + " from disclosed_record where subject_id = :id and "
				+ SHOWN_ON + " order by decision_date desc nulls last, updated_at desc")
			.param("id", s.id())
			.param("day", today())
			.query(this::mapRecord)
			.list();
		Map<ReportGroup, List<PublicRecord>> groups = new EnumMap<>(ReportGroup.class);
		for (PublicRecord r : records) {
			groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
		}
		List<String> former = new ArrayList<>(subjects.names(s.id()));
		former.remove(s.name());
		return Optional.of(new SubjectView(new SubjectSummary(s.code(), s.name(), s.type()), List.copyOf(former), groups));
	}

	/** Disclosed records of one item, newest decision first. */
	public RecordPage browse(BrowseFilter filter, int page) {
		if (page < 1 || page > MAX_PAGE) {
			throw DomainException.badRequest("BROWSE_PAGE_OUT_OF_RANGE", MAX_PAGE);
		}
		if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
			throw DomainException.badRequest("BROWSE_DATES_REVERSED");
		}
		StringBuilder where = new StringBuilder(" from disclosed_record where catalog_item = :item and " + SHOWN_ON);
		if (filter.from() != null) {
			where.append(" and decision_date >= :from");
		}
		if (filter.to() != null) {
			where.append(" and decision_date <= :to");
		}
		if (filter.authority() != null) {
			where.append(" and authority like :authority");
		}
		if (filter.type() != null) {
			where.append(" and type_label = :type");
		}
		var items = bind(jdbc.sql("select " + COLUMNS + where
				+ " order by decision_date desc nulls last, record_id limit :limit offset :offset"), filter)
			.param("limit", PAGE_SIZE)
			.param("offset", (page - 1) * PAGE_SIZE)
			.query(this::mapRecord)
			.list();
		long total = bind(jdbc.sql("select count(*) from (select 1" + where + " limit :cap) t"), filter)
			.param("cap", PAGE_SIZE * MAX_PAGE)
			.query(Long.class)
			.single();
		return new RecordPage(items, total, page, PAGE_SIZE);
	}

	/** The most recent disclosed records of an item (the start page's latest 双公示 entries). */
	public List<PublicRecord> latest(String itemCode, int count) {
		return jdbc.sql("select " + COLUMNS + " from disclosed_record where catalog_item = :item and " + SHOWN_ON
				+ " order by decision_date desc nulls last, record_id limit :limit")
			.param("item", itemCode)
			.param("day", today())
			.param("limit", count)
			.query(this::mapRecord)
			.list();
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, BrowseFilter filter) {
		spec = spec.param("item", filter.catalogItem()).param("day", today());
		if (filter.from() != null) {
			spec = spec.param("from", filter.from());
		}
		if (filter.to() != null) {
			spec = spec.param("to", filter.to());
		}
		if (filter.authority() != null) {
			spec = spec.param("authority", "%" + SubjectSearch.escape(filter.authority()) + "%");
		}
		if (filter.type() != null) {
			spec = spec.param("type", filter.type());
		}
		return spec;
	}

	private PublicRecord mapRecord(ResultSet rs, int row) throws SQLException {
		java.sql.Date decided = rs.getDate("decision_date");
		java.sql.Date until = rs.getDate("shown_until");
		return new PublicRecord(rs.getObject("record_id", UUID.class), rs.getInt("version_no"),
				rs.getString("catalog_item"), ReportGroup.valueOf(rs.getString("report_group")),
				new SubjectSummary(rs.getString("subject_code"), rs.getString("subject_name"),
						SubjectType.valueOf(rs.getString("subject_type"))),
				decided == null ? null : decided.toLocalDate(), rs.getString("authority"), rs.getString("type_label"),
				rs.getString("source_unit"), rs.getTimestamp("updated_at").toInstant(),
				until == null ? null : until.toLocalDate(), json.readValue(rs.getString("public_values"), MAP));
	}
}
