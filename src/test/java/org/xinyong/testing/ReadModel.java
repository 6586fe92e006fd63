package org.xinyong.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The website's read model in tests. */
public final class ReadModel {

	private ReadModel() {
	}

	/** The read model is updated after commit from the event publication: wait until it has caught up. */
	public static void awaitProjected(JdbcClient jdbc) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline) {
			boolean behind = jdbc.sql("""
					select exists (select 1 from (select record_id, max(version_no) v from record_version group by record_id) c
					               left join disclosed_record d on d.record_id = c.record_id
					               where d.record_id is null or d.version_no < c.v)""")
				.query(Boolean.class)
				.single();
			if (!behind) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the website's read model did not catch up within 30 s");
	}
}
