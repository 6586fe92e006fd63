package org.xinyong.subject;

import java.time.Instant;

/**
 * A credit subject (信用主体): one per identifier, the key that links all its records (art. 25).
 *
 * @param name the most recently seen name
 */
public record CreditSubject(long id, String code, IdentifierKind kind, SubjectType type, boolean legacy, String name,
		Instant createdAt) {
}
