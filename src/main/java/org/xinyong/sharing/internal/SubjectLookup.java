package org.xinyong.sharing.internal;

import org.springframework.stereotype.Component;
import org.xinyong.platform.DomainException;
import org.xinyong.subject.CreditSubject;
import org.xinyong.subject.CreditSubjects;
import org.xinyong.subject.IdentifierCheck;
import org.xinyong.subject.IdentifierIssue;
import org.xinyong.subject.Identifiers;

/** Finds a subject by a typed identifier: 400 with the identifier rule broken, 404 when unknown. */
@Component
class SubjectLookup {

	private final CreditSubjects subjects;

	SubjectLookup(CreditSubjects subjects) {
		this.subjects = subjects;
	}

	/** The normalised identifier, or a 400 naming the first rule it breaks. */
	static String requireValid(String code) {
		IdentifierCheck check = Identifiers.parse(code);
		if (!check.valid()) {
			IdentifierIssue issue = check.errors().get(0);
			throw DomainException.badRequest(issue.code(), issue.args().toArray());
		}
		return check.value();
	}

	CreditSubject require(String code) {
		String value = requireValid(code);
		return subjects.byCode(value).orElseThrow(() -> DomainException.notFound("SUBJECT_UNKNOWN", value));
	}
}
