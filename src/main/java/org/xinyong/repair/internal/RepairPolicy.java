package org.xinyong.repair.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.xinyong.repair.RepairOutcome;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dated repair rules of {@code repair/policy.json}: the regime governing an application by its date. */
@Component
public class RepairPolicy {

	public record TimeLimits(int acceptDays, int decideDays, int complexExtraDays, int feedbackDays) {
	}

	public record Regime(String code, String name, LocalDate applicationsFrom, LocalDate applicationsTo,
			TimeLimits limits, Map<String, RepairOutcome> repairable, List<String> materials) {

		boolean governs(LocalDate day) {
			return (applicationsFrom == null || !day.isBefore(applicationsFrom))
					&& (applicationsTo == null || !day.isAfter(applicationsTo));
		}
	}

	private final List<Regime> regimes = new ArrayList<>();
	private final Map<String, String> excluded = new LinkedHashMap<>();

	RepairPolicy(JsonMapper json) throws IOException {
		JsonNode root;
		try (InputStream in = new ClassPathResource("repair/policy.json").getInputStream()) {
			root = json.readTree(in);
		}
		for (var e : root.get("excluded").properties()) {
			excluded.put(e.getKey(), e.getValue().asString());
		}
		for (JsonNode r : root.get("regimes")) {
			JsonNode t = r.get("timeLimits");
			Map<String, RepairOutcome> repairable = new LinkedHashMap<>();
			for (var e : r.get("repairable").properties()) {
				repairable.put(e.getKey(), RepairOutcome.valueOf(e.getValue().asString()));
			}
			List<String> materials = new ArrayList<>();
			r.get("materials").forEach(m -> materials.add(m.asString()));
			regimes.add(new Regime(r.get("code").asString(), r.get("name").asString(), date(r.get("applicationsFrom")),
					date(r.get("applicationsTo")),
					new TimeLimits(t.get("acceptDays").asInt(), t.get("decideDays").asInt(),
							t.get("complexExtraDays").asInt(), t.get("feedbackDays").asInt()),
					Map.copyOf(repairable), List.copyOf(materials)));
		}
	}

	private static LocalDate date(JsonNode node) {
		return node == null || node.isNull() ? null : LocalDate.parse(node.asString());
	}

	/** The regime governing applications received on {@code day}. */
	public Regime on(LocalDate day) {
		return regimes.stream().filter(r -> r.governs(day)).findFirst().orElseThrow();
	}

	public Regime byCode(String code) {
		return regimes.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
	}

	/** The legal exclusion of an item, or null. */
	public String exclusion(String itemCode) {
		return excluded.get(itemCode);
	}
}
