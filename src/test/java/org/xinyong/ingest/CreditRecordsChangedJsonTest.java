package org.xinyong.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class CreditRecordsChangedJsonTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private final CreditRecordsChanged event = new CreditRecordsChanged(42L, List.of(
			new RecordVersionRef(UUID.randomUUID(), 1, VersionKind.CREATED, "ADMIN_PENALTY", 7, 3,
					LocalDate.of(2025, 3, 1), "GENERAL"),
			new RecordVersionRef(UUID.randomUUID(), 2, VersionKind.CHANGED, "ADMIN_LICENCE", 8, 3, null, null)));

	@Test
	void storesACompactFormAndReadsItBack() {
		String text = json.writeValueAsString(event);
		assertThat(text).contains("\"ids\":\"").contains("\"codes\":\"AB\"").doesNotContain("\"versions\"");
		assertThat(json.readValue(text, CreditRecordsChanged.class)).isEqualTo(event);
		// Spring Modulith completes a publication by comparing the serialized text
		assertThat(json.writeValueAsString(json.readValue(text, CreditRecordsChanged.class))).isEqualTo(text);
	}

	@Test
	void fieldsWithManyDistinctValuesAreWrittenAsPlainArrays() {
		List<RecordVersionRef> many = new java.util.ArrayList<>();
		for (int i = 0; i < 200; i++) {
			many.add(new RecordVersionRef(UUID.randomUUID(), 1 + i % 3, VersionKind.CREATED, "ADMIN_PENALTY", 1000 + i, 3,
					i % 7 == 0 ? null : LocalDate.of(2024, 1, 1).plusDays(i), i % 5 == 0 ? null : "GENERAL"));
		}
		CreditRecordsChanged large = new CreditRecordsChanged(7L, many);
		String text = json.writeValueAsString(large);
		assertThat(text).contains("\"decisionDates\":[");
		assertThat(json.readValue(text, CreditRecordsChanged.class)).isEqualTo(large);
	}

	@Test
	void readsEventsStoredWithOneArrayPerField() {
		RecordVersionRef first = event.versions().get(0);
		RecordVersionRef second = event.versions().get(1);
		String arrays = """
				{"submissionId":42,"recordIds":["%s","%s"],"versionNos":[1,2],"kinds":["CREATED","CHANGED"],
				 "catalogItems":["ADMIN_PENALTY","ADMIN_LICENCE"],"subjectIds":[7,8],"providerIds":[3,3],
				 "decisionDates":["2025-03-01",null],"severities":["GENERAL",null]}"""
			.formatted(first.recordId(), second.recordId());
		assertThat(json.readValue(arrays, CreditRecordsChanged.class)).isEqualTo(event);
	}

	@Test
	void readsEventsStoredInTheEarlierForm() {
		RecordVersionRef first = event.versions().get(0);
		RecordVersionRef second = event.versions().get(1);
		String earlier = """
				{"submissionId":42,"versions":[
				 {"recordId":"%s","versionNo":1,"kind":"CREATED","catalogItem":"ADMIN_PENALTY","subjectId":7,
				  "providerId":3,"decisionDate":"2025-03-01","severity":"GENERAL"},
				 {"recordId":"%s","versionNo":2,"kind":"CHANGED","catalogItem":"ADMIN_LICENCE","subjectId":8,
				  "providerId":3}]}""".formatted(first.recordId(), second.recordId());
		assertThat(json.readValue(earlier, CreditRecordsChanged.class)).isEqualTo(event);
	}

	@Test
	void withoutSubmission() {
		CreditRecordsChanged single = new CreditRecordsChanged(null, List.of(event.versions().get(1)));
		assertThat(json.readValue(json.writeValueAsString(single), CreditRecordsChanged.class)).isEqualTo(single);
	}

	@Test
	void versionsAreAnImmutableCopyEqualToTheGivenList() {
		java.util.List<RecordVersionRef> given = new java.util.ArrayList<>(event.versions());
		CreditRecordsChanged copy = new CreditRecordsChanged(42L, given);
		given.clear();
		assertThat(copy.versions()).isEqualTo(event.versions()).hasSize(2);
		assertThat(copy).isEqualTo(event).hasSameHashCodeAs(event);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> copy.versions().add(event.versions().get(0)))
			.isInstanceOf(UnsupportedOperationException.class);
	}
}
