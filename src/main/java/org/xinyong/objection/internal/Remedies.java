package org.xinyong.objection.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.disclosure.DisclosureEndings;
import org.xinyong.objection.Handler;
import org.xinyong.objection.Remedy;
import org.xinyong.sharing.SharingExclusions;

/**
 * Carries out the art. 54 remedies of an upheld objection to non-public information, in the deciding transaction:
 * the record is excluded from sharing ({@link SharingExclusions}, ledger event {@code SHARING_EXCLUDED}), its
 * disclosure is ended ({@link DisclosureEndings#endEarly}, ledger event {@code DISCLOSURE_ENDED}) or a certificate is
 * issued ({@link Certificates}). Each execution is audited as {@code OBJECTION_REMEDY_EXECUTED}. Correction is done
 * by {@link ObjectionService} itself.
 */
@Component
class Remedies {

	private final SharingExclusions sharing;
	private final DisclosureEndings disclosure;
	private final Certificates certificates;
	private final AuditLog audit;
	private final JdbcClient jdbc;

	Remedies(SharingExclusions sharing, DisclosureEndings disclosure, Certificates certificates, AuditLog audit,
			JdbcClient jdbc) {
		this.sharing = sharing;
		this.disclosure = disclosure;
		this.certificates = certificates;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	void execute(Case c, Remedy remedy, String findings, LocalDate today, Handler by, String subjectCode) {
		String reason = "OBJECTION:" + c.id();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("objectionId", c.id());
		detail.put("recordId", c.recordId().toString());
		detail.put("remedy", remedy.name());
		switch (remedy) {
			case DELETE_FROM_SHARING -> detail.put("excluded", sharing.exclude(c.recordId(), reason, by.actor(),
					subjectCode));
			case STOP_DISCLOSURE -> {
				if (disclosure.endedOn(c.recordId()).isPresent()) {
					detail.put("alreadyEnded", true); // an earlier end stands; nothing is overwritten
				}
				else {
					detail.put("ledgerLeaf", disclosure.endEarly(c.recordId(), today, reason));
				}
			}
			case ISSUE_CERTIFICATE -> detail.put("certificate",
					certificates.issue(c, findings, actionsOn(c), today, by.actor()).number());
			case CORRECT -> throw new IllegalArgumentException("correction is not a remedy executed here");
		}
		audit.record(AuditEntry.of("OBJECTION_REMEDY_EXECUTED", AuditEntry.Outcome.SUCCESS, detail)
			.withActor(by.actor(), by.organisationId(), null)
			.aboutSubject(subjectCode, null));
	}

	/** Every remedy applied to the record so far (corrections, exclusions, ends, certificates), oldest first. */
	private String actionsOn(Case c) {
		return String.join(",", jdbc.sql("""
				select e.remedy from objection_event e join objection o on o.id = e.objection_id
				where o.record_id = ? and e.status in ('UPHELD', 'CORRECTED') and e.remedy is not null
				group by e.remedy order by min(e.id)""")
			.param(c.recordId())
			.query(String.class)
			.list());
	}
}
