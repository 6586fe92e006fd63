package org.xinyong.subject;

/**
 * A valid identifier of a credit subject: a 统一社会信用代码, a 公民身份号码 or the number of another identity
 * document (art. 25: persons without a 公民身份号码 are identified by a passport or other document number).
 * Instances exist only for values that passed their checks.
 */
public sealed interface Identifier permits UnifiedCode, ResidentId, DocumentNumber {

	/** The normalised value: no spaces or hyphens, upper case, half-width. */
	String value();

	IdentifierKind kind();
}
