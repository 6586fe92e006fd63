package org.xinyong.calendar.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xinyong.calendar.CalendarSource;

/** The kept versions of every year's holiday data. Append-only: rows are never updated or deleted. */
@Repository
public class YearVersions {

	/** Serialises loads across threads and application nodes ("V1_3"). */
	private static final long LOCK = 7261003L;

	private static final String COLUMNS = "id, year, version, source, source_name, sha256, loaded_at, loaded_by, content";

	private final JdbcClient jdbc;

	YearVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes the loading lock until the current transaction ends. */
	void lockForLoading() {
		jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query().singleRow();
	}

	/** The version in force of every year, ascending by year. */
	public List<YearVersion> inForce() {
		return jdbc.sql("select distinct on (year) " + COLUMNS
				+ " from calendar_year_version order by year, version desc")
			.query(YearVersions::map)
			.list();
	}

	public Optional<YearVersion> inForce(int year) {
		return jdbc.sql("select " + COLUMNS + " from calendar_year_version where year = :year"
				+ " order by version desc limit 1")
			.param("year", year)
			.query(YearVersions::map)
			.optional();
	}

	/** Every version of the year, newest first. */
	public List<YearVersion> history(int year) {
		return jdbc.sql("select " + COLUMNS + " from calendar_year_version where year = :year order by version desc")
			.param("year", year)
			.query(YearVersions::map)
			.list();
	}

	/** The number of versions kept per year. */
	public Map<Integer, Integer> counts() {
		Map<Integer, Integer> counts = new TreeMap<>();
		jdbc.sql("select year, count(*) as n from calendar_year_version group by year")
			.query((rs, i) -> Map.entry(rs.getInt("year"), rs.getInt("n")))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	/** Changes whenever a version is added anywhere (by this node or another). */
	public Stamp stamp() {
		return jdbc.sql("select count(*) as n, coalesce(max(id), 0) as last from calendar_year_version")
			.query((rs, i) -> new Stamp(rs.getLong("n"), rs.getLong("last")))
			.single();
	}

	YearVersion add(int year, CalendarSource source, String sourceName, String sha256, Instant loadedAt,
			String loadedBy, String content) {
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from calendar_year_version where year = :year")
			.param("year", year)
			.query(Integer.class)
			.single();
		long id = jdbc.sql("""
				insert into calendar_year_version (year, version, source, source_name, sha256, loaded_at, loaded_by, content)
				values (:year, :version, :source, :sourceName, :sha256, :loadedAt, :loadedBy, :content)
				returning id""")
			.param("year", year)
			.param("version", version)
			.param("source", source.name())
			.param("sourceName", sourceName)
			.param("sha256", sha256)
			.param("loadedAt", Timestamp.from(loadedAt))
			.param("loadedBy", loadedBy)
			.param("content", content)
			.query(Long.class)
			.single();
		return new YearVersion(id, year, version, source, sourceName, sha256, loadedAt, loadedBy, content);
	}

	private static YearVersion map(ResultSet rs, int row) throws SQLException {
		return new YearVersion(rs.getLong("id"), rs.getInt("year"), rs.getInt("version"),
				CalendarSource.valueOf(rs.getString("source")), rs.getString("source_name"), rs.getString("sha256"),
				rs.getTimestamp("loaded_at").toInstant(), rs.getString("loaded_by"), rs.getString("content"));
	}

	/** A cheap fingerprint of the table's state. */
	public record Stamp(long count, long lastId) {
	}
}
