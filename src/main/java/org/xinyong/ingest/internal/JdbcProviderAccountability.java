package org.xinyong.ingest.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xinyong.ingest.ProviderAccountability;
import org.xinyong.platform.Zones;

@Service
class JdbcProviderAccountability implements ProviderAccountability {

	private final JdbcClient jdbc;

	JdbcProviderAccountability(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<ProviderFigures> figures(LocalDate from, LocalDate to) {
		Timestamp start = Timestamp.from(from.atStartOfDay(Zones.DISPLAY).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(Zones.DISPLAY).toInstant());
		return jdbc.sql("""
				with subs as (
				    select organisation_id as org, count(*) as submissions, sum(accepted) as accepted,
				           sum(rejected) as rejected
				    from submission where submitted_at >= :start and submitted_at < :end
				    group by organisation_id),
				versions as (
				    select provider_id as org,
				           count(*) filter (where kind = 'CREATED') as created,
				           count(*) filter (where kind = 'CHANGED') as changed,
				           count(*) filter (where kind = 'CORRECTED') as corrected,
				           count(*) filter (where kind = 'REVOKED') as revoked,
				           percentile_cont(0.5) within group (order by
				               ((recorded_at at time zone 'Asia/Shanghai')::date - decision_date))
				               filter (where kind = 'CREATED' and decision_date is not null) as median_delay,
				           avg(case when ((recorded_at at time zone 'Asia/Shanghai')::date - decision_date) <= 7
				                    then 1.0 else 0.0 end)
				               filter (where kind = 'CREATED' and decision_date is not null) as within_seven
				    from record_version where recorded_at >= :start and recorded_at < :end
				    group by provider_id)
				select coalesce(s.org, v.org) as org, coalesce(s.submissions, 0) as submissions,
				       coalesce(s.accepted, 0) as accepted, coalesce(s.rejected, 0) as rejected,
				       coalesce(v.created, 0) as created, coalesce(v.changed, 0) as changed,
				       coalesce(v.corrected, 0) as corrected, coalesce(v.revoked, 0) as revoked,
				       v.median_delay, v.within_seven
				from subs s full join versions v on s.org = v.org
				order by org""")
			.param("start", start)
			.param("end", end)
			.query((rs, n) -> {
				double median = rs.getDouble("median_delay");
				Double medianDelay = rs.wasNull() ? null : median;
				double within = rs.getDouble("within_seven");
				Double withinSeven = rs.wasNull() ? null : within;
				return new ProviderFigures(rs.getLong("org"), rs.getLong("submissions"), rs.getLong("accepted"),
						rs.getLong("rejected"), rs.getLong("created"), rs.getLong("changed"), rs.getLong("corrected"),
						rs.getLong("revoked"), medianDelay, withinSeven);
			})
			.list();
	}
}
