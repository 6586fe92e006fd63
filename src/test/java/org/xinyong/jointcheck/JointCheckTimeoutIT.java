package org.xinyong.jointcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.xinyong.audit.AuditChain;

/**
 * A check that is not answered in time (a stalled database) gets a definite answer: either 503
 * {@code JOINT_CHECK_NOT_ANSWERED} and nothing is stored, so the department can simply check again; or, when its
 * round is already storing it, the answer once that round commits. Never a stored check whose id the department did
 * not receive (it would show as overdue forever, art. 47).
 */
@SpringBootTest(properties = "xinyong.joint-check.answer-timeout=PT1S")
@AutoConfigureMockMvc
class JointCheckTimeoutIT {

	static final String KEY = JointCheckIT.KEY;
	/** Valid but never submitted: answered UNKNOWN_SUBJECT, still stored and audited. */
	static final String SUBJECT = JointCheckIT.UNKNOWN;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditChain auditChain;

	@Test
	void aCheckNotAnsweredInTimeIsNotStoredAndSaysSo() throws Exception {
		try (Connection stall = dataSource.getConnection()) {
			stall.setAutoCommit(false);
			// the audit chain's lock, which every round takes in its first statement
			stall.createStatement().execute("select pg_advisory_xact_lock(7261001)");
			check("超时-未保存").andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.code").value("JOINT_CHECK_NOT_ANSWERED"))
				.andExpect(jsonPath("$.title").value("核查未能在 1 秒内完成，本次核查未予保存，请重新发起核查。"));
			stall.rollback();
		}
		// the stalled round goes on without the abandoned check; the next check is answered as usual
		check("超时-重试").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNKNOWN_SUBJECT"));
		assertThat(stored("超时-未保存")).isZero();
		assertThat(audited("超时-未保存")).isZero();
		assertThat(stored("超时-重试")).isEqualTo(1);
		assertThat(audited("超时-重试")).isEqualTo(1);
		assertThat(auditChain.verify().intact()).isTrue();
	}

	@Test
	void aCheckAlreadyBeingStoredWhenTheTimeoutComesIsAnsweredOnceStored() throws Exception {
		CompletableFuture<Void> released;
		try (Connection stall = dataSource.getConnection()) {
			stall.setAutoCommit(false);
			// the round reads and reserves its audit ids, then waits to insert the check
			stall.createStatement().execute("lock table joint_check in share mode");
			released = CompletableFuture.runAsync(() -> {
				try {
					Thread.sleep(1_500);
					stall.rollback();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			check("超时-保存中").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNKNOWN_SUBJECT"));
			released.get(10, TimeUnit.SECONDS);
		}
		assertThat(stored("超时-保存中")).isEqualTo(1);
		assertThat(audited("超时-保存中")).isEqualTo(1);
		assertThat(auditChain.verify().intact()).isTrue();
	}

	private ResultActions check(String reference) throws Exception {
		return mvc.perform(post("/api/v1/joint-checks").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"subjectCode\":\"" + SUBJECT + "\",\"matter\":\"LICENSING\",\"reference\":\"" + reference
					+ "\"}"));
	}

	private long stored(String reference) {
		return jdbc.sql("select count(*) from joint_check where reference = ?").param(reference).query(Long.class)
			.single();
	}

	private long audited(String reference) {
		return jdbc.sql("select count(*) from audit_event where action = ? and detail ->> 'reference' = ?")
			.params(JointChecks.ACTION, reference)
			.query(Long.class)
			.single();
	}
}
