package org.xinyong.disclosure.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.xinyong.disclosure.DisclosurePolicy;
import org.xinyong.disclosure.DisclosureWindow;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policy shipped in {@code disclosure/policy.json}: regimes by decision date, each with periods per item and
 * severity. A deployment may disclose minor penalties decided under the current rules for up to the regime's
 * {@code deploymentMaxMonths} ({@code xinyong.disclosure.minor-months}, default 0: not disclosed).
 */
@Component
class JsonDisclosurePolicy implements DisclosurePolicy {

	record Period(boolean disclose, int minMonths, int maxMonths, int deploymentMaxMonths) {
	}

	record Regime(String code, LocalDate decisionsFrom, LocalDate decisionsTo, Map<String, Map<String, Period>> items) {

		boolean governs(LocalDate decision) {
			return (decisionsFrom == null || !decision.isBefore(decisionsFrom))
					&& (decisionsTo == null || !decision.isAfter(decisionsTo));
		}
	}

	private final List<Regime> regimes;
	private final int minorMonths;

	JsonDisclosurePolicy(JsonMapper json, @Value("${xinyong.disclosure.minor-months:0}") int minorMonths)
			throws IOException {
		try (InputStream in = new ClassPathResource("disclosure/policy.json").getInputStream()) {
			this.regimes = parse(json.readTree(in));
		}
		this.minorMonths = minorMonths;
	}

	static List<Regime> parse(JsonNode root) {
		List<Regime> out = new ArrayList<>();
		for (JsonNode r : root.get("regimes")) {
			Map<String, Map<String, Period>> items = new java.util.HashMap<>();
			for (var item : r.get("items").properties()) {
				Map<String, Period> bySeverity = new java.util.HashMap<>();
				for (var s : item.getValue().properties()) {
					JsonNode p = s.getValue();
					bySeverity.put(s.getKey(), new Period(p.get("disclose").asBoolean(), p.path("minMonths").asInt(0),
							p.path("maxMonths").asInt(0), p.path("deploymentMaxMonths").asInt(0)));
				}
				items.put(item.getKey(), bySeverity);
			}
			out.add(new Regime(r.get("code").asString(), date(r.get("decisionsFrom")), date(r.get("decisionsTo")),
					items));
		}
		return List.copyOf(out);
	}

	private static LocalDate date(JsonNode node) {
		return node == null || node.isNull() ? null : LocalDate.parse(node.asString());
	}

	@Override
	public DisclosureWindow window(String itemCode, String severity, LocalDate decisionDate) {
		for (Regime regime : regimes) {
			if (!regime.governs(decisionDate)) {
				continue;
			}
			Map<String, Period> periods = regime.items().get(itemCode);
			if (periods == null) {
				return DisclosureWindow.unlimited(decisionDate);
			}
			Period p = periods.getOrDefault(severity == null ? "UNSPECIFIED" : severity, periods.get("UNSPECIFIED"));
			if (p == null) {
				return DisclosureWindow.unlimited(decisionDate);
			}
			if (!p.disclose()) {
				int months = Math.min(minorMonths, p.deploymentMaxMonths());
				return months <= 0 ? new DisclosureWindow(false, regime.code(), decisionDate, decisionDate, decisionDate)
						: new DisclosureWindow(true, regime.code(), decisionDate, decisionDate,
								decisionDate.plusMonths(months));
			}
			return new DisclosureWindow(true, regime.code(), decisionDate, decisionDate.plusMonths(p.minMonths()),
					decisionDate.plusMonths(p.maxMonths()));
		}
		return DisclosureWindow.unlimited(decisionDate);
	}
}
