package org.xinyong.ingest;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * The JSON form of {@link CreditRecordsChanged} as stored in the event publication registry, once per listener
 * (so four times per batch of 5,000 versions). It is kept small:
 * <ul>
 * <li>{@code ids}: the record ids as one Base64 string of 16 bytes each;</li>
 * <li>{@code subjectIds}: an array of numbers;</li>
 * <li>every other field (version number, kind, item, provider, decision date as epoch day, severity) as a
 * dictionary {@code {"values":[…],"codes":"AAB…"}} — one character per version indexing {@code values} — when it
 * has at most 64 distinct values in the batch (almost always), otherwise as a plain array.</li>
 * </ul>
 * That is about 40 bytes per version instead of about 105 in the previous form (one array per field, still read),
 * and about 200 in the first form (one object per version, still read). The form is deterministic: Spring
 * Modulith finds a publication to complete by comparing the serialized text.
 */
final class CreditRecordsChangedJson {

	/** The dictionary codes: index {@code i} is written as {@code CODES.charAt(i)}. */
	private static final String CODES = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	private CreditRecordsChangedJson() {
	}

	static final class Serializer extends ValueSerializer<CreditRecordsChanged> {

		@Override
		public void serialize(CreditRecordsChanged event, JsonGenerator gen, SerializationContext context) {
			List<RecordVersionRef> versions = event.versions();
			gen.writeStartObject();
			if (event.submissionId() != null) {
				gen.writeNumberProperty("submissionId", event.submissionId());
			}
			gen.writeNumberProperty("count", versions.size());
			ByteBuffer ids = ByteBuffer.allocate(16 * versions.size());
			for (RecordVersionRef v : versions) {
				ids.putLong(v.recordId().getMostSignificantBits()).putLong(v.recordId().getLeastSignificantBits());
			}
			gen.writeStringProperty("ids", Base64.getEncoder().encodeToString(ids.array()));
			gen.writeName("subjectIds");
			gen.writeStartArray();
			for (RecordVersionRef v : versions) {
				gen.writeNumber(v.subjectId());
			}
			gen.writeEndArray();
			field(gen, "versionNos", versions, v -> (long) v.versionNo());
			field(gen, "kinds", versions, v -> v.kind().name());
			field(gen, "catalogItems", versions, RecordVersionRef::catalogItem);
			field(gen, "providerIds", versions, RecordVersionRef::providerId);
			field(gen, "decisionDates", versions, v -> v.decisionDate() == null ? null : v.decisionDate().toEpochDay());
			field(gen, "severities", versions, RecordVersionRef::severity);
			gen.writeEndObject();
		}

		/** Writes a field as a dictionary when it has few distinct values, else as a plain array. */
		private static void field(JsonGenerator gen, String name, List<RecordVersionRef> versions,
				Function<RecordVersionRef, Object> value) {
			Map<Object, Integer> dictionary = new LinkedHashMap<>();
			StringBuilder codes = new StringBuilder(versions.size());
			for (RecordVersionRef v : versions) {
				Object x = value.apply(v);
				Integer code = dictionary.get(x);
				if (code == null) {
					if (dictionary.size() == CODES.length()) {
						codes = null;
						break;
					}
					code = dictionary.size();
					dictionary.put(x, code);
				}
				codes.append(CODES.charAt(code));
			}
			gen.writeName(name);
			if (codes == null) {
				gen.writeStartArray();
				versions.forEach(v -> write(gen, value.apply(v)));
				gen.writeEndArray();
				return;
			}
			gen.writeStartObject();
			gen.writeName("values");
			gen.writeStartArray();
			dictionary.keySet().forEach(x -> write(gen, x));
			gen.writeEndArray();
			gen.writeStringProperty("codes", codes.toString());
			gen.writeEndObject();
		}

		private static void write(JsonGenerator gen, Object x) {
			if (x == null) {
				gen.writeNull();
			}
			else if (x instanceof Long n) {
				gen.writeNumber(n);
			}
			else {
				gen.writeString(x.toString());
			}
		}
	}

	static final class Deserializer extends ValueDeserializer<CreditRecordsChanged> {

		@Override
		public CreditRecordsChanged deserialize(JsonParser parser, DeserializationContext context) {
			JsonNode tree = context.readTree(parser);
			JsonNode submission = tree.get("submissionId");
			Long submissionId = submission == null || submission.isNull() ? null : submission.asLong();
			List<RecordVersionRef> versions = new ArrayList<>();
			JsonNode objects = tree.get("versions");
			if (objects != null) { // the first form: one object per version
				for (JsonNode v : objects) {
					versions.add(context.readTreeAsValue(v, RecordVersionRef.class));
				}
				return new CreditRecordsChanged(submissionId, versions);
			}
			if (tree.get("ids") == null) {
				return new CreditRecordsChanged(submissionId, arrays(tree));
			}
			int count = tree.get("count").asInt();
			ByteBuffer ids = ByteBuffer.wrap(Base64.getDecoder().decode(tree.get("ids").asString()));
			JsonNode subjects = tree.get("subjectIds");
			List<JsonNode> numbers = values(tree.get("versionNos"), count);
			List<JsonNode> kinds = values(tree.get("kinds"), count);
			List<JsonNode> items = values(tree.get("catalogItems"), count);
			List<JsonNode> providers = values(tree.get("providerIds"), count);
			List<JsonNode> dates = values(tree.get("decisionDates"), count);
			List<JsonNode> severities = values(tree.get("severities"), count);
			for (int i = 0; i < count; i++) {
				versions.add(new RecordVersionRef(new UUID(ids.getLong(), ids.getLong()), numbers.get(i).asInt(),
						VersionKind.valueOf(kinds.get(i).asString()), text(items.get(i)), subjects.get(i).asLong(),
						providers.get(i).asLong(), dates.get(i).isNull() ? null : LocalDate.ofEpochDay(dates.get(i).asLong()),
						text(severities.get(i))));
			}
			return new CreditRecordsChanged(submissionId, versions);
		}

		/** A field written as a dictionary or as a plain array, one node per version. */
		private static List<JsonNode> values(JsonNode field, int count) {
			List<JsonNode> out = new ArrayList<>(count);
			if (field.isArray()) {
				field.forEach(out::add);
				return out;
			}
			JsonNode dictionary = field.get("values");
			String codes = field.get("codes").asString();
			for (int i = 0; i < codes.length(); i++) {
				out.add(dictionary.get(CODES.indexOf(codes.charAt(i))));
			}
			return out;
		}

		private static String text(JsonNode node) {
			return node == null || node.isNull() ? null : node.asString();
		}

		/** The second form: one array per field. */
		private static List<RecordVersionRef> arrays(JsonNode tree) {
			List<RecordVersionRef> versions = new ArrayList<>();
			JsonNode ids = tree.get("recordIds");
			JsonNode numbers = tree.get("versionNos");
			JsonNode kinds = tree.get("kinds");
			JsonNode items = tree.get("catalogItems");
			JsonNode subjects = tree.get("subjectIds");
			JsonNode providers = tree.get("providerIds");
			JsonNode dates = tree.get("decisionDates");
			JsonNode severities = tree.get("severities");
			for (int i = 0; i < ids.size(); i++) {
				versions.add(new RecordVersionRef(UUID.fromString(ids.get(i).asString()), numbers.get(i).asInt(),
						VersionKind.valueOf(kinds.get(i).asString()), items.get(i).asString(), subjects.get(i).asLong(),
						providers.get(i).asLong(), dates.get(i).isNull() ? null : LocalDate.parse(dates.get(i).asString()),
						severities.get(i).isNull() ? null : severities.get(i).asString()));
			}
			return versions;
		}
	}
}
