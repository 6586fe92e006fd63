package org.xinyong.subject;

import java.util.Arrays;
import java.util.List;

/**
 * One rule broken by an identifier, with the arguments of its translated message. An argument that is a
 * {@link org.springframework.context.MessageSourceResolvable} (e.g. a {@link DocumentType}) is translated too.
 */
public record IdentifierIssue(IdentifierRule rule, List<Object> args) {

	public IdentifierIssue {
		args = List.copyOf(args);
	}

	public static IdentifierIssue of(IdentifierRule rule, Object... args) {
		return new IdentifierIssue(rule, Arrays.asList(args));
	}

	/** The stable code, e.g. {@code USCC_CHECK_CHARACTER}. */
	public String code() {
		return rule.code();
	}

	/** The bundle key of the translated message. */
	public String messageKey() {
		return "error." + code();
	}
}
