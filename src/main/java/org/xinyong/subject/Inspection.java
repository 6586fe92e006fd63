package org.xinyong.subject;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of checking one normalised value as one kind: every broken rule, warnings, and the identifier
 * when no rule was broken. Shared by the factories (which throw on the first error) and {@link Identifiers}
 * (which reports all of them).
 */
final class Inspection<T extends Identifier> {

	private final String value;
	private final IdentifierKind kind;
	private final List<IdentifierIssue> errors = new ArrayList<>();
	private final List<IdentifierIssue> warnings = new ArrayList<>();
	private T identifier;

	private Inspection(String value, IdentifierKind kind) {
		this.value = value;
		this.kind = kind;
	}

	static <T extends Identifier> Inspection<T> of(String value, IdentifierKind kind) {
		return new Inspection<>(value, kind);
	}

	Inspection<T> error(IdentifierRule rule, Object... args) {
		errors.add(IdentifierIssue.of(rule, args));
		return this;
	}

	Inspection<T> warning(IdentifierRule rule, Object... args) {
		warnings.add(IdentifierIssue.of(rule, args));
		return this;
	}

	/** Records the identifier, unless an error was recorded before. */
	Inspection<T> result(T identifier) {
		if (errors.isEmpty()) {
			this.identifier = identifier;
		}
		return this;
	}

	boolean hasErrors() {
		return !errors.isEmpty();
	}

	boolean valid() {
		return identifier != null;
	}

	String value() {
		return value;
	}

	IdentifierKind kind() {
		return kind;
	}

	List<IdentifierIssue> errors() {
		return List.copyOf(errors);
	}

	List<IdentifierIssue> warnings() {
		return List.copyOf(warnings);
	}

	T identifier() {
		return identifier;
	}

	T orThrow() {
		if (identifier == null) {
			throw new InvalidIdentifierException(kind, errors);
		}
		return identifier;
	}
}
