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
	void storesOneArrayPerFieldAndReadsItBack() {
		String text = json.writeValueAsString(event);
		assertThat(text).contains("\"recordIds\":[").doesNotContain("\"versions\"");
		assertThat(json.readValue(text, CreditRecordsChanged.class)).isEqualTo(event);
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
}
