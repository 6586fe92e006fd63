package org.xinyong.testing;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.xinyong.platform.Zones;

/** Today is 2026-11-26 (noon in Asia/Shanghai) for the website's disclosure periods and repair deadlines. */
@TestConfiguration
public class FixedClock {

	@Bean
	@Primary
	Clock fixedClock() {
		return Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), Zones.DISPLAY);
	}
}
