package org.xinyong.measures.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xinyong.platform.DomainException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an edition file into rows of field values. JSON: an array of measures (or an object with a
 * {@code measures} array); CSV: a header row naming the fields, list fields separated by {@code |}.
 */
public final class EditionFile {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private EditionFile() {
	}

	public static List<Map<String, Object>> parse(String format, String content) {
		String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
		return format.equals("JSON") ? json(text) : csv(text);
	}

	private static List<Map<String, Object>> json(String text) {
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (JacksonException e) {
			throw DomainException.unprocessable("MEASURE_IMPORT_UNREADABLE", e.getOriginalMessage());
		}
		JsonNode array = root != null && root.isObject() ? root.get("measures") : root;
		if (array == null || !array.isArray()) {
			throw DomainException.unprocessable("MEASURE_IMPORT_UNREADABLE", "expected an array of measures");
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (JsonNode node : array) {
			Map<String, Object> row = new LinkedHashMap<>();
			for (var e : node.properties()) {
				JsonNode v = e.getValue();
				if (v.isArray()) {
					List<String> values = new ArrayList<>();
					v.forEach(x -> values.add(x.asString()));
					row.put(e.getKey(), values);
				}
				else if (!v.isNull()) {
					row.put(e.getKey(), v.asString());
				}
			}
			rows.add(row);
		}
		return rows;
	}

	private static List<Map<String, Object>> csv(String text) {
		List<List<String>> lines = records(text);
		if (lines.isEmpty()) {
			return List.of();
		}
		List<String> header = lines.get(0).stream().map(String::trim).toList();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (List<String> line : lines.subList(1, lines.size())) {
			if (line.stream().allMatch(String::isBlank)) {
				continue;
			}
			Map<String, Object> row = new LinkedHashMap<>();
			for (int i = 0; i < header.size() && i < line.size(); i++) {
				row.put(header.get(i), line.get(i));
			}
			rows.add(row);
		}
		return rows;
	}

	/** RFC 4180 records: quoted fields may hold commas, quotes ({@code ""}) and line breaks. */
	static List<List<String>> records(String text) {
		List<List<String>> out = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				fields.add(field.toString());
				field.setLength(0);
				out.add(fields);
				fields = new ArrayList<>();
			}
			else {
				field.append(c);
			}
		}
		if (field.length() > 0 || !fields.isEmpty()) {
			fields.add(field.toString());
			out.add(fields);
		}
		return out;
	}
}
