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
		var org = organisations.byCode("12640000MB1900051C").orElseThrow();
		long id = jdbc.sql("""
				insert into submission (organisation_id, organisation_code, submission_key, catalog_item, channel,
				    submitted_by, status, file_name, file_path, file_bytes, rows_read, accepted, created)
				values (?, ?, 'resume-1', 'ADMIN_PENALTY', 'FILE', 'test', 'RUNNING', 'resume.csv', ?, ?, 1, 1, 1)
				returning id""")
			.params(org.id(), org.code(), file.toAbsolutePath().toString(), Files.size(file))
			.query(Long.class)
			.single();

		service.resumeUnfinished();
		long deadline = System.currentTimeMillis() + 30_000;
		while (!files.status(id).orElseThrow().status().equals("DONE") && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		var status = files.status(id).orElseThrow();
		assertThat(status.status()).isEqualTo("DONE");
		assertThat(status.rowsRead()).isEqualTo(2);
		assertThat(status.created()).isEqualTo(2);
		assertThat(jdbc.sql("select natural_key from record_version where submission_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("续传罚〔2026〕2号");
	}
}
