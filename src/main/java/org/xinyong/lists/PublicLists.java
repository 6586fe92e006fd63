package org.xinyong.lists;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xinyong.catalog.Masking;
import org.xinyong.disclosure.PublicMasking;
import org.xinyong.subject.SubjectType;

/**
 * The lists as the credit website and the public API show them: entries current today, filtered and paged, with
 * natural persons' names and identifiers masked. One implementation serves the pages and the JSON API.
 */
@Service
public class PublicLists {

	public static final int PAGE_SIZE = 20;
	public static final int MAX_PAGE = 500;

	/**
	 * @param kind         an art. 43 category (serious list) or a reward ground (reward list), or null
	 * @param organisation part of the deciding (confirming) organisation's name, or null
	 * @param from         effective on or after, or null
	 * @param to           effective on or before, or null
	 */
	public record Filter(String kind, String organisation, LocalDate from, LocalDate to) {
	}

	public record Page<T>(List<T> items, long total, int page, int pages) {
	}

	/** What the website's list pages show of an entry of either list. */
	public interface Listed {

		long id();

		SubjectType subjectType();

		String subjectCode();

		String subjectName();

		LocalDate effectiveDate();

		LocalDate plannedEnd();

		/** The message key of its category or ground. */
		String kindKey();

		/** The deciding or confirming organisation. */
		String organisation();
	}

	/** An entry of the serious-dishonesty list as the public sees it (art. 44). */
	public record SeriousEntry(long id, SubjectType subjectType, String subjectCode, String subjectName,
			String legalRepresentative, DishonestyCategory category, String reason, String basis, String measures,
			String removalConditions, String remedies, String documentNumber, String decidingOrganisation,
			LocalDate effectiveDate, LocalDate plannedEnd) implements Listed {

		@Override
		public String kindKey() {
			return "lists.category." + category;
		}

		@Override
		public String organisation() {
			return decidingOrganisation;
		}
	}

	/** An entry of the reward list as the public sees it. */
	public record RewardItem(long id, SubjectType subjectType, String subjectCode, String subjectName,
			RewardGround ground, String groundDetail, String documentNumber, String confirmingOrganisation,
			LocalDate effectiveDate, LocalDate plannedEnd) implements Listed {

		@Override
		public String kindKey() {
			return "lists.ground." + ground;
		}

		@Override
		public String organisation() {
			return confirmingOrganisation;
		}
	}

	private static final String SERIOUS_FROM = """
			from list_entry e join credit_subject s on s.id = e.subject_id
			where not exists (select 1 from list_removal r where r.entry_id = e.id)
			  and e.effective_date <= :today and e.planned_end >= :today""";

	private static final String REWARD_FROM = """
			from reward_entry e join credit_subject s on s.id = e.subject_id
			where not exists (select 1 from reward_lapse l where l.entry_id = e.id)
			  and e.effective_date <= :today and e.planned_end >= :today""";

	private static final String FILTERS = """
			  and (cast(:kind as text) is null or e.%s = :kind)
			  and (cast(:org as text) is null or strpos(e.%s, :org) > 0)
			  and (cast(:from as date) is null or e.effective_date >= :from)
			  and (cast(:to as date) is null or e.effective_date <= :to)""";

	private final JdbcClient jdbc;
	private final Clock clock;

	PublicLists(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Page<SeriousEntry> serious(Filter filter, int page) {
		return page(SERIOUS_FROM + "\n" + FILTERS.formatted("category", "deciding_org"), filter, page,
				PublicLists::seriousEntry);
	}

	/** The entry if it is on the list today. */
	public Optional<SeriousEntry> serious(long id) {
		return one(SERIOUS_FROM, id, PublicLists::seriousEntry);
	}

	public Page<RewardItem> rewards(Filter filter, int page) {
		return page(REWARD_FROM + "\n" + FILTERS.formatted("ground", "confirming_org"), filter, page,
				PublicLists::rewardEntry);
	}

	/** The entry if it is on the list today. */
	public Optional<RewardItem> reward(long id) {
		return one(REWARD_FROM, id, PublicLists::rewardEntry);
	}

	private <T> Optional<T> one(String from, long id, org.springframework.jdbc.core.RowMapper<T> mapper) {
		return jdbc.sql("select e.*, s.subject_type " + from + " and e.id = :id")
			.param("today", LocalDate.now(clock))
			.param("id", id)
			.query(mapper)
			.optional();
	}

	private <T> Page<T> page(String from, Filter f, int page, org.springframework.jdbc.core.RowMapper<T> mapper) {
		int p = Math.max(1, Math.min(page, MAX_PAGE));
		String org = f.organisation() == null || f.organisation().isBlank() ? null : f.organisation().trim();
		String kind = f.kind() == null || f.kind().isBlank() ? null : f.kind().trim();
		long total = jdbc.sql("select count(*) " + from)
			.param("today", LocalDate.now(clock))
			.param("kind", kind)
			.param("org", org)
			.param("from", f.from())
			.param("to", f.to())
			.query(Long.class)
			.single();
		List<T> items = jdbc.sql("select e.*, s.subject_type " + from
				+ " order by e.effective_date desc, e.id desc limit :limit offset :offset")
			.param("today", LocalDate.now(clock))
			.param("kind", kind)
			.param("org", org)
			.param("from", f.from())
			.param("to", f.to())
			.param("limit", PAGE_SIZE)
			.param("offset", (p - 1) * PAGE_SIZE)
			.query(mapper)
			.list();
		int pages = (int) Math.min(MAX_PAGE, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		return new Page<>(items, total, p, pages);
	}

	private static SubjectType type(ResultSet rs) throws SQLException {
		return SubjectType.valueOf(rs.getString("subject_type"));
	}

	/** Natural persons' identifiers and names are masked (the disclosure module's rules). */
	private static String code(ResultSet rs) throws SQLException {
		String code = rs.getString("subject_code");
		return type(rs) == SubjectType.NATURAL_PERSON ? PublicMasking.mask(Masking.ID_NUMBER, code) : code;
	}

	private static String name(ResultSet rs) throws SQLException {
		String name = rs.getString("subject_name");
		return type(rs) == SubjectType.NATURAL_PERSON ? PublicMasking.mask(Masking.PERSON_NAME, name) : name;
	}

	private static SeriousEntry seriousEntry(ResultSet rs, int row) throws SQLException {
		String representative = type(rs) == SubjectType.ORGANISATION ? rs.getString("legal_representative") : null;
		return new SeriousEntry(rs.getLong("id"), type(rs), code(rs), name(rs), representative,
				DishonestyCategory.valueOf(rs.getString("category")), rs.getString("reason"), rs.getString("basis"),
				rs.getString("measures"), rs.getString("removal_conditions"), rs.getString("remedies"),
				rs.getString("document_number"), rs.getString("deciding_org"),
				rs.getObject("effective_date", LocalDate.class), rs.getObject("planned_end", LocalDate.class));
	}

	private static RewardItem rewardEntry(ResultSet rs, int row) throws SQLException {
		return new RewardItem(rs.getLong("id"), type(rs), code(rs), name(rs),
				RewardGround.valueOf(rs.getString("ground")), rs.getString("ground_detail"),
				rs.getString("document_number"), rs.getString("confirming_org"),
				rs.getObject("effective_date", LocalDate.class), rs.getObject("planned_end", LocalDate.class));
	}
}
