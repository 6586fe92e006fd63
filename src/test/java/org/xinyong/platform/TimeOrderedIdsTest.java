package org.xinyong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

	@Test
	void isVersion7WithTheRfc9562VariantAndTheMillisecondsUpFront() {
		long millis = 1_795_000_000_123L;
		UUID id = TimeOrderedIds.of(millis);
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
		assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", millis >>> 16, millis & 0xFFFF));
	}

	@Test
	void laterMillisecondsSortAfterEarlierOnesAsPostgresComparesThem() {
		// PostgreSQL orders uuid values by their bytes, i.e. by the string form
		String earlier = TimeOrderedIds.of(1_795_000_000_000L).toString();
		String later = TimeOrderedIds.of(1_795_000_000_001L).toString();
		assertThat(later).isGreaterThan(earlier);
	}

	@Test
	void idsOfTheSameMillisecondDiffer() {
		Set<UUID> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(TimeOrderedIds.of(1_795_000_000_000L));
		}
		assertThat(ids).hasSize(10_000);
	}
}
