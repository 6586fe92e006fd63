package org.xinyong.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinyong.access.Organisations;
import org.xinyong.ingest.FileSubmissions;
import org.xinyong.ingest.FileSubmissionIT;

/** A file that was being processed when the platform stopped is resumed after its last committed batch. */
@SpringBootTest(properties = "xinyong.ingest.upload-dir=target/test-uploads")
class FileResumeIT {

	@Autowired
	FileSubmissionService service;

	@Autowired
	FileSubmissions files;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Test
	void resumesAfterTheLastCommittedBatch() throws Exception {
		Path file = Files.createDirectories(Path.of("target", "test-uploads")).resolve("resume.csv");
		Files.writeString(file, FileSubmissionIT.HEADER + "\n"
				+ FileSubmissionIT.line("已入库公司", "91320100748204660Q", "续传罚〔2026〕1号", "2026-01-01") + "\n"
				+ FileSubmissionIT.line("未入库公司", "91350100M000100Y43", "续传罚〔2026〕2号", "2026-01-02") + "\n",
				StandardCharsets.UTF_8);
		long id = runningSubmission(file, "resume-1", "rows_read, accepted, created", 1, 1, 1);

		var status = resumeAndAwait(id);
		assertThat(status.status()).isEqualTo("DONE");
		assertThat(status.rowsRead()).isEqualTo(2);
		assertThat(status.created()).isEqualTo(2);
		assertThat(jdbc.sql("select natural_key from record_version where submission_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("续传罚〔2026〕2号");
	}

	@Test
	void resumesEachPartAfterItsOwnLastCommittedBatch() throws Exception {
		String[] codes = { "91320100748204660Q", "91350100M000100Y43", "91640100MA7AC0U13A", "91430122707233692A",
				"91370400728618604X", "91640100MA7D2C4K4E" };
		StringBuilder text = new StringBuilder(FileSubmissionIT.HEADER).append('\n');
		for (int i = 0; i < codes.length; i++) {
			text.append(FileSubmissionIT.line("分段公司" + i, codes[i], "分段罚〔2026〕" + i + "号", "2026-01-0" + (i + 1)))
				.append('\n');
		}
		Path file = Files.createDirectories(Path.of("target", "test-uploads")).resolve("parts.csv");
		Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
		long id = runningSubmission(file, "resume-parts", "");
		// part 0 wrote up to the 4th data row, part 1 up to the 2nd (their rows were not stored here: a resumed part
		// must not write them again)
		long[] done = { 4, 2 };
		for (int p = 0; p < done.length; p++) {
			jdbc.sql("insert into submission_part (submission_id, part, rows_done) values (?, ?, ?)")
				.params(id, p, done[p])
				.update();
		}
		java.util.List<String> expected = new java.util.ArrayList<>();
		for (int i = 0; i < codes.length; i++) {
			if (i + 1 > done[FileSubmissionService.part(codes[i], 2)]) {
				expected.add("分段罚〔2026〕" + i + "号");
			}
		}

		assertThat(resumeAndAwait(id).status()).isEqualTo("DONE");
		assertThat(jdbc.sql("select natural_key from record_version where submission_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(jdbc.sql("select rows_done from submission_part where submission_id = ? order by part")
			.param(id)
			.query(Long.class)
			.list()).allMatch(n -> n >= 2);
	}

	@Test
	void oneDecisionNumberUnderTwoCodesInTwoPartsIsStoredOnceAndTheOtherRowRejected() throws Exception {
		// two subject codes that fall into different parts: the parts' connections race on the same record
		String[] candidates = { "91320100748204660Q", "91350100M000100Y43", "91640100MA7AC0U13A", "91430122707233692A" };
		String first = candidates[0];
		String second = java.util.Arrays.stream(candidates)
			.filter(c -> FileSubmissionService.part(c, 2) != FileSubmissionService.part(first, 2))
			.findFirst()
			.orElseThrow();
		Path file = Files.createDirectories(Path.of("target", "test-uploads")).resolve("two-parts-duplicate.csv");
		Files.writeString(file, FileSubmissionIT.HEADER + "\n"
				+ FileSubmissionIT.line("甲公司", first, "跨段罚〔2026〕1号", "2026-02-01") + "\n"
				+ FileSubmissionIT.line("乙公司", second, "跨段罚〔2026〕1号", "2026-02-02") + "\n",
				StandardCharsets.UTF_8);
		long id = runningSubmission(file, "two-parts-duplicate", "");

		var status = resumeAndAwait(id);
		assertThat(status.status()).isEqualTo("DONE");
		assertThat(status.created()).isEqualTo(1);
		assertThat(status.rejected()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from record_version where submission_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select errors::text from submission_rejection where submission_id = ?")
			.param(id)
			.query(String.class)
			.single()).contains("DUPLICATE_IN_SUBMISSION");
	}

	@Test
	void onlyAUniqueViolationOrADeadlockCountsAsMeetingAnotherPart() {
		var unique = new org.springframework.dao.DuplicateKeyException("x",
				new java.sql.SQLException("duplicate key", "23505"));
		var deadlock = new org.springframework.dao.CannotAcquireLockException("x",
				new java.sql.SQLException("deadlock detected", "40P01"));
		var other = new org.springframework.dao.DataIntegrityViolationException("x",
				new java.sql.SQLException("not null", "23502"));
		assertThat(FileSubmissionService.metAnotherPart(unique)).isTrue();
		assertThat(FileSubmissionService.metAnotherPart(deadlock)).isTrue();
		assertThat(FileSubmissionService.metAnotherPart(other)).isFalse();
		assertThat(FileSubmissionService.metAnotherPart(new IllegalStateException("no SQL cause"))).isFalse();
	}

	@Test
	void partsDependOnlyOnTheCode() {
		assertThat(FileSubmissionService.part(" 91320100748204660q ", 2))
			.isEqualTo(FileSubmissionService.part("91320100748204660Q", 2));
		assertThat(FileSubmissionService.part(null, 2)).isZero();
		assertThat(FileSubmissionService.part("91320100748204660Q", 1)).isZero();
	}

	/** A file submission as a crash left it: RUNNING, with the given committed counts. */
	private long runningSubmission(Path file, String key, String counts, Object... countValues) throws Exception {
		var org = organisations.byCode("12640000MB1900051C").orElseThrow();
		String columns = counts.isEmpty() ? "" : ", " + counts;
		String marks = counts.isEmpty() ? "" : ", ?".repeat(countValues.length);
		java.util.List<Object> params = new java.util.ArrayList<>(java.util.List.of(org.id(), org.code(), key,
				file.getFileName().toString(), file.toAbsolutePath().toString(), Files.size(file)));
		params.addAll(java.util.List.of(countValues));
		return jdbc.sql("insert into submission (organisation_id, organisation_code, submission_key, catalog_item, channel, "
				+ "submitted_by, status, file_name, file_path, file_bytes" + columns + ") "
				+ "values (?, ?, ?, 'ADMIN_PENALTY', 'FILE', 'test', 'RUNNING', ?, ?, ?" + marks + ") returning id")
			.params(params)
			.query(Long.class)
			.single();
	}

	/** Resumes the unfinished files and waits (at most 30 s) until this one is done. */
	private FileSubmissions.FileStatus resumeAndAwait(long id) throws InterruptedException {
		service.resumeUnfinished();
		long deadline = System.currentTimeMillis() + 30_000;
		while (!files.status(id).orElseThrow().status().equals("DONE") && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		return files.status(id).orElseThrow();
	}
}
