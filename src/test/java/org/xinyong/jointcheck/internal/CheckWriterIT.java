package org.xinyong.jointcheck.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinyong.audit.AuditChain;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.audit.ChainHead;
import org.xinyong.platform.TimeOrderedIds;
import org.xinyong.testing.FixedClock;

/**
 * The group commit: a round of checks is stored with one statement and audited with one append, exactly as given
 * (arrays of measure ids with any characters, the answer text, a missing subject), chained in order; a round that
 * fails leaves nothing behind.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FixedClock.class)
class CheckWriterIT {

	@Autowired
	CheckWriter writer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditChain auditChain;

	@Autowired
	AuditLog audit;

	static CheckWriter.Row row(UUID id, Long subjectId, String[] measures, String answer) {
		return new CheckWriter.Row(id, 1L, "12640000MB1900051C", "写入测试", subjectId, "91640100JC1000039U", "BIDDING",
				"写-" + id, subjectId == null ? "UNKNOWN_SUBJECT" : "DISHONESTY", measures, answer,
				LocalDate.of(2026, 11, 26), Timestamp.from(Instant.parse("2026-11-26T04:00:00.123456Z")));
	}

	static AuditEntry entry(UUID id) {
		return AuditEntry.of("JOINT_CHECK_READ", AuditEntry.Outcome.SUCCESS, Map.of("checkId", id.toString()))
			.withActor("写入测试", 1L, "12640000MB1900051C")
			.withClientAddress("127.0.0.1")
			.aboutSubject("91640100JC1000039U", "JOINT_CHECK BIDDING 写-" + id);
	}

	@Test
	void aRoundIsStoredAndAuditedExactlyAndInOrder() {
		String[][] measures = { { "P-1", "P-2" }, {}, { "带,逗号", "带\"引号", "带\\反斜杠", "{花括号}", "NULL" } };
		List<CheckWriter.Row> rows = new ArrayList<>();
		List<AuditEntry> entries = new ArrayList<>();
		for (int i = 0; i < measures.length; i++) {
			UUID id = TimeOrderedIds.next(java.time.Clock.systemUTC());
			String answer = "{\"checkId\":\"" + id + "\",\"n\":" + i + ",\"text\":\"中文 \\\"quoted\\\"\"}";
			rows.add(row(id, i == 1 ? null : 42L + i, measures[i], answer));
			entries.add(entry(id));
		}
		long auditBefore = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
		writer.inTransaction(() -> {
			writer.writeAndCommit(rows, entries, head(rows.size()));
			return null;
		});
		for (int i = 0; i < rows.size(); i++) {
			CheckWriter.Row r = rows.get(i);
			Map<String, Object> stored = jdbc.sql("""
					select subject_id, answer::text as answer, measure_ids, checked_on, checked_at, reference, status
					from joint_check where id = ?""").param(r.id()).query().singleRow();
			assertThat(stored.get("answer")).isEqualTo(r.answer());
			assertThat(stringArray(stored.get("measure_ids"))).containsExactly(r.measureIds());
			assertThat(stored.get("subject_id") == null ? null : ((Number) stored.get("subject_id")).longValue())
				.isEqualTo(r.subjectId());
			assertThat(stored.get("reference")).isEqualTo(r.reference());
			assertThat(stored.get("status")).isEqualTo(r.status());
			assertThat(((java.sql.Date) stored.get("checked_on")).toLocalDate()).isEqualTo(r.checkedOn());
			assertThat(((Timestamp) stored.get("checked_at")).toInstant()).isEqualTo(r.checkedAt().toInstant());
		}
		List<Map<String, Object>> audited = jdbc.sql("""
				select id, detail->>'checkId' as check_id, prev_hash, hash, actor, client_address, purpose
				from audit_event where id > ? order by id""").param(auditBefore).query().listOfRows();
		assertThat(audited).extracting(a -> a.get("check_id"))
			.containsExactly(rows.stream().map(r -> r.id().toString()).toArray());
		for (int i = 1; i < audited.size(); i++) {
			assertThat((byte[]) audited.get(i).get("prev_hash")).isEqualTo((byte[]) audited.get(i - 1).get("hash"));
		}
		assertThat(audited.get(0).get("actor")).isEqualTo("写入测试");
		assertThat(audited.get(0).get("client_address")).isEqualTo("127.0.0.1");
		assertThat(auditChain.verify().intact()).isTrue();
	}

	@Test
	void aFailedRoundLeavesNothingBehind() {
		UUID existing = TimeOrderedIds.next(java.time.Clock.systemUTC());
		writer.inTransaction(() -> {
			writer.writeAndCommit(List.of(row(existing, 7L, new String[0], "{}")), List.of(entry(existing)), head(1));
			return null;
		});
		long checks = jdbc.sql("select count(*) from joint_check").query(Long.class).single();
		long audits = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
		UUID fresh = TimeOrderedIds.next(java.time.Clock.systemUTC());
		assertThatThrownBy(() -> writer.inTransaction(() -> {
			// the second row repeats a stored check's id: the primary key refuses the whole statement
			writer.writeAndCommit(List.of(row(fresh, 7L, new String[0], "{}"), row(existing, 7L, new String[0], "{}")),
					List.of(entry(fresh), entry(existing)), head(2));
			return null;
		})).isInstanceOf(RuntimeException.class);
		assertThat(jdbc.sql("select count(*) from joint_check").query(Long.class).single()).isEqualTo(checks);
		assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(audits);
		assertThat(jdbc.sql("select count(*) from joint_check where id = ?").param(fresh).query(Long.class).single())
			.isZero();
		assertThat(auditChain.verify().intact()).isTrue();
	}

	@Test
	void aRoundWhoseAuditEntriesDoNotMatchItsChecksIsRefusedWhole() {
		long checks = jdbc.sql("select count(*) from joint_check").query(Long.class).single();
		long audits = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
		UUID first = TimeOrderedIds.next(java.time.Clock.systemUTC());
		UUID second = TimeOrderedIds.next(java.time.Clock.systemUTC());
		// every check is audited: two checks with one audit entry are refused before anything is written
		assertThatThrownBy(() -> writer.inTransaction(() -> {
			writer.writeAndCommit(List.of(row(first, 7L, new String[0], "{}"), row(second, 7L, new String[0], "{}")),
					List.of(entry(first)), head(2));
			return null;
		})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 joint checks with 1 audit entries");
		// a head reserved for two entries cannot be used for one: the chain would have a gap
		assertThatThrownBy(() -> writer.inTransaction(() -> {
			audit.recordAll(List.of(entry(first)), head(2));
			return null;
		})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 ids for 1 audit entries");
		// a companion write may not reuse the audit insert's parameter names, nor go without audit entries
		assertThatThrownBy(() -> writer.inTransaction(() -> {
			audit.recordAll(List.of(entry(first)), head(1), "insert into joint_check_feedback select null where :id",
					Map.of("id", false));
			return null;
		})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":id");
		assertThatThrownBy(() -> writer.inTransaction(() -> {
			audit.recordAll(List.of(), head(0), "select 1", Map.of());
			return null;
		})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("companion");
		assertThat(jdbc.sql("select count(*) from joint_check").query(Long.class).single()).isEqualTo(checks);
		assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(audits);
		assertThat(auditChain.verify().intact()).isTrue();
	}

	@Test
	void withoutDurableCommitsOnlyTheRoundsTransactionSkipsTheWalFlush(
			@Autowired org.springframework.transaction.PlatformTransactionManager transactions) {
		CheckWriter relaxed = new CheckWriter(transactions, jdbc, audit, false);
		String during = relaxed.inTransaction(() -> {
			jdbc.sql("select " + relaxed.commitSetting()).query().singleRow();
			return jdbc.sql("show synchronous_commit").query(String.class).single();
		});
		assertThat(during).isEqualTo("off");
		// SET LOCAL: the pooled connection keeps the server's setting for the next transaction
		assertThat(relaxed.inTransaction(() -> jdbc.sql("show synchronous_commit").query(String.class).single()))
			.isEqualTo("on");
		assertThat(writer.inTransaction(() -> {
			jdbc.sql("select " + writer.commitSetting()).query().singleRow();
			return jdbc.sql("show synchronous_commit").query(String.class).single();
		})).isEqualTo("on");
	}

	@Test
	void theRoundsStatementCommitsItWithTheChecksAndTheirAuditEntries(@Autowired javax.sql.DataSource dataSource) {
		UUID id = TimeOrderedIds.next(java.time.Clock.systemUTC());
		long seenFromElsewhere = writer.inTransaction(() -> {
			writer.writeAndCommit(List.of(row(id, 7L, new String[] { "P-1" }, "{}")), List.of(entry(id)), head(1));
			// before the transaction manager's commit: another connection already sees the check and its audit entry
			try (var other = dataSource.getConnection();
					var ps = other.prepareStatement("""
							select (select count(*) from joint_check where id = ?)
							     + (select count(*) from audit_event where detail ->> 'checkId' = ?)""")) {
				ps.setObject(1, id);
				ps.setString(2, id.toString());
				try (var rs = ps.executeQuery()) {
					rs.next();
					return rs.getLong(1);
				}
			}
			catch (java.sql.SQLException e) {
				throw new IllegalStateException(e);
			}
		});
		assertThat(seenFromElsewhere).isEqualTo(2);
		assertThat(auditChain.verify().intact()).isTrue();
	}

	/** Reserves the audit chain's head for {@code n} entries in the current transaction, as a round does. */
	private ChainHead head(int n) {
		return jdbc.sql("select ids, previous from audit_chain_append(?)").param(n)
			.query((rs, row) -> ChainHead.read(rs))
			.single();
	}

	private static String[] stringArray(Object value) throws RuntimeException {
		try {
			return (String[]) ((java.sql.Array) value).getArray();
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}
}
