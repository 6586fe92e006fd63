package org.xinyong.subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Identifiers} found out about a value: the normalised value, its (most plausible) kind, whether it
 * is valid, the rules it breaks, warnings that do not make it invalid, and details decoded from it.
 * <p>
 * Detail values are strings, booleans, lists of strings or {@link LabelledCode}s whose names are to be
 * translated. Details are given only for valid identifiers.
 */
public final class IdentifierCheck {

	private final String value;
	private final IdentifierKind kind;
	private final List<IdentifierIssue> errors;
	private final List<IdentifierIssue> warnings;
	private final Map<String, Object> details;
	private final Identifier identifier;

	private IdentifierCheck(String value, IdentifierKind kind, List<IdentifierIssue> errors,
			List<IdentifierIssue> warnings, Map<String, Object> details, Identifier identifier) {
		this.value = value;
		this.kind = kind;
		this.errors = List.copyOf(errors);
		this.warnings = List.copyOf(warnings);
		this.details = details;
		this.identifier = identifier;
	}

	static IdentifierCheck of(Inspection<?> inspection) {
		Identifier identifier = inspection.identifier();
		if (identifier == null) {
			return new IdentifierCheck(inspection.value(), inspection.kind(), inspection.errors(),
					inspection.warnings(), Map.of(), null);
		}
		return new IdentifierCheck(identifier.value(), identifier.kind(), List.of(), inspection.warnings(), null,
				identifier);
	}

	static IdentifierCheck failed(String value, IdentifierKind kind, IdentifierIssue error,
			Map<String, Object> details) {
		return new IdentifierCheck(value, kind, List.of(error), List.of(), details, null);
	}

	IdentifierCheck withWarning(IdentifierIssue warning) {
		List<IdentifierIssue> more = new ArrayList<>(warnings);
		more.add(warning);
		return new IdentifierCheck(value, kind, errors, more, details, identifier);
	}

	/** The normalised value; a 15-digit 公民身份号码 appears converted to 18 digits. Empty if too long. */
	public String value() {
		return value;
	}

	public IdentifierKind kind() {
		return kind;
	}

	public boolean valid() {
		return identifier != null;
	}

	public List<IdentifierIssue> errors() {
		return errors;
	}

	public List<IdentifierIssue> warnings() {
		return warnings;
	}

	/** Details decoded from a valid identifier are computed when asked for (ingestion checks millions and never asks). */
	public Map<String, Object> details() {
		return details != null ? details : identifier != null ? IdentifierDetails.of(identifier) : Map.of();
	}

	/** The identifier, when valid. */
	public Optional<Identifier> identifier() {
		return Optional.ofNullable(identifier);
	}
}
