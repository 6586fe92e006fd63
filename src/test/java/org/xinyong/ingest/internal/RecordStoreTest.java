package org.xinyong.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RecordStoreTest {

	/** Record ids are stored and referenced everywhere: the faster computation must give exactly the same ids. */
	@Test
	void recordIdsAreTheNameBasedUuidsOfTheRecordsIdentity() {
		Random random = new Random(7);
		for (int i = 0; i < 2_000; i++) {
			String item = i % 2 == 0 ? "ADMIN_PENALTY" : "行政许可-" + random.nextInt(100);
			long provider = random.nextLong() >>> random.nextInt(64);
			String key = "宁市监罚〔2026〕" + random.nextInt(1_000_000) + "号" + (i % 3 == 0 ? "\u001f91640100" : "");
			UUID expected = UUID.nameUUIDFromBytes((item + '\u001e' + provider + '\u001e' + key)
				.getBytes(StandardCharsets.UTF_8));
			UUID id = RecordStore.recordId(item, provider, key);
			assertThat(id).isEqualTo(expected);
			assertThat(id.version()).isEqualTo(3);
			assertThat(id.variant()).isEqualTo(2);
		}
		// a fixed value, so that a change to both computations cannot go unnoticed
		assertThat(RecordStore.recordId("ADMIN_PENALTY", 1, "银市监罚〔2026〕1号"))
			.isEqualTo(UUID.fromString("6a07d576-4e41-3f34-b452-e6a062fe1c21"));
	}
}
