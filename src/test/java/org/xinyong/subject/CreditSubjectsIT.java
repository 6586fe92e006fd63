package org.xinyong.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinyong.subject.CreditSubjects.Mention;
import org.xinyong.subject.internal.Gb11714;
import org.xinyong.subject.internal.Gb32100;

/**
 * Subjects are created on their first mention and keep every name they were known by. The first name is stored with
 * the subject, later ones apart; readers see them together, and a name is never kept twice.
 */
@SpringBootTest
class CreditSubjectsIT {

	private static final AtomicInteger NEXT = new AtomicInteger(40_000_000 + (int) Math.floorMod(System.nanoTime(), 1_000_000L));

	@Autowired
	CreditSubjects subjects;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aNewSubjectKeepsItsFirstNameWithoutASecondRow() {
		UnifiedCode code = newCode();
		long id = resolve(subjects, code, "银川甲商贸有限公司");

		assertThat(subjects.names(id)).containsExactly("银川甲商贸有限公司");
		assertThat(subjects.byCode(code.value()).orElseThrow().name()).isEqualTo("银川甲商贸有限公司");
		assertThat(jdbc.sql("select first_name, first_name_seen_in from credit_subject where id = ?")
			.param(id)
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2))
			.single()).isEqualTo("银川甲商贸有限公司|test");
		assertThat(laterNames(id)).isZero();
	}

	@Test
	void theFirstNameIsNotKeptTwiceEvenWhenNothingIsCached() {
		UnifiedCode code = newCode();
		long id = resolve(subjects, code, "银川乙商贸有限公司");
		// a second instance knows nothing: it must find the subject and see that the name is already kept
		CreditSubjects cold = new CreditSubjects(jdbc);
		assertThat(resolve(cold, code, " 银川乙商贸有限公司 ")).isEqualTo(id);
		assertThat(resolve(new CreditSubjects(jdbc), code, "银川乙商贸有限公司")).isEqualTo(id);

		assertThat(subjects.names(id)).containsExactly("银川乙商贸有限公司");
		assertThat(laterNames(id)).isZero();
	}

	@Test
	void laterNamesAreKeptBesideTheFirstAndTheNewestIsTheCurrentName() {
		UnifiedCode code = newCode();
		long id = resolve(subjects, code, "银川丙商贸有限公司");
		assertThat(resolve(new CreditSubjects(jdbc), code, "银川丙科技有限公司")).isEqualTo(id);
		assertThat(resolve(subjects, code, "银川丙科技有限公司")).isEqualTo(id);
		assertThat(resolve(subjects, code, "银川丙商贸有限公司")).isEqualTo(id);

		// oldest first; the newest is the current name
		assertThat(subjects.names(id)).containsExactly("银川丙商贸有限公司", "银川丙科技有限公司");
		assertThat(laterNames(id)).isEqualTo(1);
		assertThat(subjects.byCode(code.value()).orElseThrow().name()).isEqualTo("银川丙科技有限公司");
	}

	@Test
	void aKnownSubjectSeenUnderANewNameKeepsItOnce() {
		UnifiedCode code = newCode();
		long id = resolve(subjects, code, "银川辛商贸有限公司");
		// the same instance: the cache knows the subject and its first name
		assertThat(resolve(subjects, code, "银川辛贸易有限公司")).isEqualTo(id);
		assertThat(resolve(subjects, code, "银川辛贸易有限公司")).isEqualTo(id);
		assertThat(resolve(subjects, code, "银川辛商贸有限公司")).isEqualTo(id);

		assertThat(subjects.names(id)).containsExactly("银川辛商贸有限公司", "银川辛贸易有限公司");
		assertThat(laterNames(id)).isEqualTo(1);
	}

	@Test
	void aBatchNamingANewSubjectSeveralWaysKeepsEachNameOnce() {
		UnifiedCode code = newCode();
		Map<String, Long> ids = tx.execute(s -> subjects.resolve(List.of(new Mention(code, " "),
				new Mention(code, "银川丁商贸有限公司"), new Mention(code, "银川丁贸易有限公司"),
				new Mention(code, "银川丁商贸有限公司"), new Mention(code, null)), "test"));
		long id = ids.get(code.value());

		assertThat(subjects.names(id)).containsExactlyInAnyOrder("银川丁商贸有限公司", "银川丁贸易有限公司");
		// the first mention had no name, so the first one given is stored with the subject
		assertThat(jdbc.sql("select first_name from credit_subject where id = ?").param(id).query(String.class).single())
			.isEqualTo("银川丁商贸有限公司");
	}

	@Test
	void aSubjectFirstMentionedWithoutANameGetsItsNameLater() {
		UnifiedCode code = newCode();
		long id = resolve(subjects, code, null);
		assertThat(subjects.names(id)).isEmpty();
		assertThat(subjects.byCode(code.value()).orElseThrow().name()).isNull();

		resolve(subjects, code, "银川戊商贸有限公司");
		assertThat(subjects.names(id)).containsExactly("银川戊商贸有限公司");
		assertThat(laterNames(id)).isEqualTo(1);
	}

	@Test
	void subjectsFromBeforeTheFirstNameColumnKeepTheirNamesInTheOtherTable() {
		UnifiedCode code = newCode();
		long id = jdbc.sql("insert into credit_subject (code, kind, subject_type) values (?, 'USCC', 'ORGANISATION') returning id")
			.param(code.value())
			.query(Long.class)
			.single();
		jdbc.sql("insert into credit_subject_later_name (subject_id, name, first_seen_in) values (?, '银川己商贸有限公司', 'old')")
			.param(id)
			.update();

		assertThat(resolve(new CreditSubjects(jdbc), code, "银川己商贸有限公司")).isEqualTo(id);
		assertThat(subjects.names(id)).containsExactly("银川己商贸有限公司");
		assertThat(subjects.byCode(code.value()).orElseThrow().name()).isEqualTo("银川己商贸有限公司");
	}

	@Test
	void aRolledBackCreationIsNotRemembered() {
		UnifiedCode code = newCode();
		tx.executeWithoutResult(s -> {
			subjects.resolve(List.of(new Mention(code, "银川庚商贸有限公司")), "test");
			s.setRollbackOnly();
		});
		assertThat(subjects.byCode(code.value())).isEmpty();

		long id = resolve(subjects, code, "银川庚商贸有限公司");
		assertThat(subjects.byCode(code.value()).orElseThrow().id()).isEqualTo(id);
		assertThat(subjects.names(id)).containsExactly("银川庚商贸有限公司");
	}

	private long resolve(CreditSubjects instance, UnifiedCode code, String name) {
		return tx.execute(s -> instance.resolve(List.of(new Mention(code, name)), "test")).get(code.value());
	}

	private long laterNames(long id) {
		return jdbc.sql("select count(*) from credit_subject_later_name where subject_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	/** A valid unified code no other test uses. */
	private static UnifiedCode newCode() {
		String body = String.format("%08d", NEXT.incrementAndGet());
		String first17 = "91640100" + body + Gb11714.checkCharacter(body);
		return UnifiedCode.of(first17 + Gb32100.checkCharacter(first17));
	}
}
