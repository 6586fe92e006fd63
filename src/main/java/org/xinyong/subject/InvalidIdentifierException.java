package org.xinyong.subject;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.xinyong.platform.DomainException;

/**
 * An identifier broke a rule (HTTP 422). The {@link #code()} is the first broken {@link IdentifierRule};
 * {@link #issues()} lists all of them.
 */
public class InvalidIdentifierException extends DomainException {

	private final IdentifierKind kind;
	private final transient List<IdentifierIssue> issues;

	InvalidIdentifierException(IdentifierKind kind, List<IdentifierIssue> issues) {
		super(issues.get(0).code(), HttpStatus.UNPROCESSABLE_ENTITY, issues.get(0).args().toArray());
		this.kind = kind;
		this.issues = List.copyOf(issues);
	}

	/** The kind the value was checked as. */
	public IdentifierKind kind() {
		return kind;
	}

	public IdentifierRule rule() {
		return issues.get(0).rule();
	}

	public List<IdentifierIssue> issues() {
		return issues;
	}
}
