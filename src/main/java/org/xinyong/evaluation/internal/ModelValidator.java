package org.xinyong.evaluation.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.Catalogs;
import org.xinyong.catalog.FieldSchema;
import org.xinyong.catalog.PublishedItem;
import org.xinyong.evaluation.ScoringModel;
import org.xinyong.evaluation.ScoringModel.GradeBand;
import org.xinyong.evaluation.ScoringModel.Indicator;
import org.xinyong.platform.DomainException;

/**
 * Checks a scoring model before it is published: positive points and caps, known catalog items, fields and values,
 * unique codes and grades, thresholds in strictly descending order ending with an open band. The first broken rule
 * is reported with a stable code ({@code EVALUATION_…}) naming the indicator or grade.
 */
@Component
public class ModelValidator {

	static final int MAX_YEARS = 10;

	private final Catalogs catalogs;

	ModelValidator(Catalogs catalogs) {
		this.catalogs = catalogs;
	}

	public void validate(ScoringModel model) {
		if (model == null || blank(model.name())) {
			throw DomainException.unprocessable("EVALUATION_MODEL_NAME");
		}
		if (model.baseScore() < 0) {
			throw DomainException.unprocessable("EVALUATION_MODEL_BASE_SCORE", model.baseScore());
		}
		if (model.indicators().isEmpty()) {
			throw DomainException.unprocessable("EVALUATION_MODEL_NO_INDICATORS");
		}
		Set<String> codes = new HashSet<>();
		for (Indicator i : model.indicators()) {
			indicator(i);
			if (!codes.add(i.code())) {
				throw DomainException.unprocessable("EVALUATION_INDICATOR_DUPLICATE", i.code());
			}
		}
		grades(model.grades());
	}

	private void indicator(Indicator i) {
		if (blank(i.code()) || !i.code().matches("[A-Z][A-Z0-9_]{0,63}") || i.code().equals("BASE")) {
			throw DomainException.unprocessable("EVALUATION_INDICATOR_CODE", String.valueOf(i.code()));
		}
		if (blank(i.name())) {
			throw DomainException.unprocessable("EVALUATION_INDICATOR_NAME", i.code());
		}
		if (!Indicator.BONUS.equals(i.direction()) && !Indicator.PENALTY.equals(i.direction())) {
			throw DomainException.unprocessable("EVALUATION_INDICATOR_DIRECTION", i.code(), String.valueOf(i.direction()));
		}
		if (i.points() <= 0) {
			throw DomainException.unprocessable("EVALUATION_INDICATOR_POINTS", i.code(), i.points());
		}
		if (i.maxPoints() != null && i.maxPoints() < i.points()) {
			throw DomainException.unprocessable("EVALUATION_INDICATOR_CAP", i.code(), i.maxPoints(), i.points());
		}
		if (i.years() != null && (i.years() < 1 || i.years() > MAX_YEARS)) {
			throw DomainException.unprocessable("EVALUATION_INDICATOR_YEARS", i.code(), i.years(), MAX_YEARS);
		}
		if (Indicator.SERIOUS_DISHONESTY_LIST.equals(i.source())) {
			if (i.catalogItem() != null || i.severity() != null || i.field() != null || i.unlessField() != null) {
				throw DomainException.unprocessable("EVALUATION_INDICATOR_LIST_FILTER", i.code());
			}
			return;
		}
		if (!Indicator.RECORDS.equals(i.source())) {
			throw DomainException.unprocessable("EVALUATION_INDICATOR_SOURCE", i.code(), String.valueOf(i.source()));
		}
		CatalogItem item = Optional.ofNullable(i.catalogItem())
			.flatMap(catalogs::publishedItem)
			.map(PublishedItem::item)
			.orElseThrow(() -> DomainException.unprocessable("EVALUATION_INDICATOR_ITEM_UNKNOWN", i.code(),
					String.valueOf(i.catalogItem())));
		if (i.severity() != null) {
			FieldSchema severity = Optional.ofNullable(item.severityField())
				.flatMap(f -> field(item, f))
				.orElseThrow(() -> DomainException.unprocessable("EVALUATION_INDICATOR_NO_SEVERITY", i.code(),
						item.code()));
			allowed(i, severity, List.of(i.severity()));
		}
		if (i.field() != null || i.values() != null) {
			if (i.field() == null || i.values() == null || i.values().isEmpty()) {
				throw DomainException.unprocessable("EVALUATION_INDICATOR_FIELD_VALUES", i.code());
			}
			FieldSchema field = field(item, i.field()).orElseThrow(() -> DomainException
				.unprocessable("EVALUATION_INDICATOR_FIELD_UNKNOWN", i.code(), i.field(), item.code()));
			allowed(i, field, i.values());
		}
		if (i.unlessField() != null && field(item, i.unlessField()).isEmpty()) {
			throw DomainException.unprocessable("EVALUATION_INDICATOR_FIELD_UNKNOWN", i.code(), i.unlessField(),
					item.code());
		}
	}

	private static void allowed(Indicator i, FieldSchema field, List<String> values) {
		if (field.allowedValues().isEmpty()) {
			return;
		}
		for (String v : values) {
			if (field.allowedValues().stream().noneMatch(a -> a.value().equals(v))) {
				throw DomainException.unprocessable("EVALUATION_INDICATOR_VALUE_UNKNOWN", i.code(), v, field.key());
			}
		}
	}

	private static Optional<FieldSchema> field(CatalogItem item, String key) {
		return item.fields().stream().filter(f -> f.key().equals(key)).findFirst();
	}

	private static void grades(List<GradeBand> grades) {
		if (grades.size() < 2) {
			throw DomainException.unprocessable("EVALUATION_GRADES_TOO_FEW");
		}
		Set<String> seen = new HashSet<>();
		Integer previous = null;
		for (int k = 0; k < grades.size(); k++) {
			GradeBand g = grades.get(k);
			if (blank(g.grade()) || g.grade().length() > 8 || blank(g.label())) {
				throw DomainException.unprocessable("EVALUATION_GRADE_NAME", String.valueOf(g.grade()));
			}
			if (!seen.add(g.grade())) {
				throw DomainException.unprocessable("EVALUATION_GRADE_DUPLICATE", g.grade());
			}
			boolean last = k == grades.size() - 1;
			if (last != (g.minScore() == null)) {
				throw DomainException.unprocessable("EVALUATION_GRADE_OPEN_BAND", g.grade());
			}
			if (!last && previous != null && g.minScore() >= previous) {
				throw DomainException.unprocessable("EVALUATION_GRADES_ORDER", g.grade(), g.minScore(), previous);
			}
			previous = g.minScore();
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
