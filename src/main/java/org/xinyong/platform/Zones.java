package org.xinyong.platform;

import java.time.ZoneId;

/** Instants are stored in UTC; people read Asia/Shanghai; document dates are {@code LocalDate}s in that zone. */
public final class Zones {

	public static final ZoneId DISPLAY = ZoneId.of("Asia/Shanghai");

	private Zones() {
	}
}
