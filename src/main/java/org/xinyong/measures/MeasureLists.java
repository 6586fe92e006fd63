package org.xinyong.measures;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.platform.DomainException;

/** The base list (read-only data with provenance) and the supplementary lists drafted against it. */
@Service
public class MeasureLists {

	private final JdbcClient jdbc;
	private final Clock clock;

	MeasureLists(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The base list with each entry's provenance. */
	public List<Map<String, Object>> baseList() {
		return jdbc.sql("select id, kind, grp as \"group\", text, basis, provenance, source from base_measure order by id")
			.query()
			.listOfRows();
	}

	/**
	 * Drafts a supplementary measure; refused (422 {@code MEASURE_BASE_REQUIRED}) unless it names a measure of the
	 * base list, since a supplementary list may not go beyond it (art. 45).
	 */
	@Transactional
	public SupplementaryMeasure draft(String region, String baseMeasureId, String target, String measure,
			String basis, String implementingUnit, String recordedBy) {
		if (baseMeasureId == null || baseMeasureId.isBlank()) {
			throw DomainException.unprocessable("MEASURE_BASE_REQUIRED");
		}
		boolean known = jdbc.sql("select count(*) from base_measure where id = ? and kind = 'PUNISHMENT'")
			.param(baseMeasureId.trim())
			.query(Long.class)
			.single() > 0;
		if (!known) {
			throw DomainException.unprocessable("MEASURE_BASE_UNKNOWN", baseMeasureId);
		}
		for (String[] f : new String[][] { { "region", region }, { "target", target }, { "measure", measure },
				{ "basis", basis }, { "implementingUnit", implementingUnit } }) {
			if (f[1] == null || f[1].isBlank()) {
				throw DomainException.unprocessable("MEASURE_FIELD_REQUIRED", f[0]);
			}
		}
		long id = jdbc.sql("""
				insert into supplementary_measure (region, base_measure_id, target, measure, basis, implementing_unit,
				    status, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?) returning id""")
			.params(region.trim(), baseMeasureId.trim(), target.trim(), measure.trim(), basis.trim(),
					implementingUnit.trim(), recordedBy, java.sql.Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		return new SupplementaryMeasure(id, region.trim(), baseMeasureId.trim(), target.trim(), measure.trim(),
				basis.trim(), implementingUnit.trim(), "DRAFT");
	}
}
